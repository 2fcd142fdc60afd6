#!/usr/bin/env bash
# Benchmarks Pearl's OpenCL backend on a GPU machine that may have no Java and no package registry.
#
#   examples/scripts/gpu-bench.sh pack [dir]   # here: build pearl.jar, jlink a small Java runtime, fetch
#                                              # libOpenCL.so.1 from the ocl-icd-libopencl1 .deb; writes
#                                              # dir (default target/gpu-bench) and dir.tar.gz (< 64 MiB)
#   ./gpu-bench.sh run                         # there, inside the unpacked bundle: registers the NVIDIA
#                                              # OpenCL library as an ICD when none is, then runs
#                                              # `pearl devices`, `bench matmul` and `bench ops` (float32
#                                              # and float64, batch 1000) on OpenCL and on the CPU
#
# `pack` needs a JDK 17+ (jlink), Maven and apt-get download; `run` needs only the bundle, glibc,
# libstdc++ and an OpenCL driver (for NVIDIA: libnvidia-opencl.so.1 from the driver).
set -euo pipefail

pack() {
  local root out
  root="$(cd "$(dirname "$0")/../.." && pwd)"
  out="$(mkdir -p "${1:-$root/target/gpu-bench}" && cd "${1:-$root/target/gpu-bench}" && pwd)"
  echo "== building pearl.jar"
  (cd "$root" && mvn -q -B package -DskipTests)
  rm -rf "$out"/runtime "$out"/lib "$out"/pearl.jar
  mkdir -p "$out/lib"
  cp "$root/examples/target/pearl.jar" "$out/"
  echo "== jlink: a Java runtime with only the modules pearl.jar uses"
  # jdeps' list, plus jdk.unsupported: Aparapi reaches sun.misc.Unsafe by reflection.
  local modules
  modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$out/pearl.jar"),jdk.unsupported"
  jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
  echo "== libOpenCL.so.1 (the ICD loader) from ocl-icd-libopencl1"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get download -q ocl-icd-libopencl1 >/dev/null 2>&1 && dpkg-deb -x ocl-icd-libopencl1_*.deb x)
  cp -L "$tmp"/x/usr/lib/x86_64-linux-gnu/libOpenCL.so.1 "$out/lib/"
  rm -rf "$tmp"
  cp "$0" "$out/gpu-bench.sh"
  tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
  echo "== bundle: $out.tar.gz ($(du -m "$out.tar.gz" | cut -f1) MiB packed, $(du -sm "$out" | cut -f1) MiB unpacked)"
}

# Points the ICD loader at an NVIDIA OpenCL library when no vendor file names one.
register_icd() {
  local vendors=/etc/OpenCL/vendors
  if ls "$vendors"/*.icd >/dev/null 2>&1; then
    echo "ICDs registered in $vendors: $(cd "$vendors" && echo *.icd)"
    return
  fi
  local nv
  nv="$( (ldconfig -p 2>/dev/null | awk '/libnvidia-opencl\.so\.1/ {print $NF; exit}') || true)"
  if [ -z "$nv" ]; then
    nv="$(ls /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 /usr/lib64/libnvidia-opencl.so.1 /usr/local/nvidia/lib64/libnvidia-opencl.so.1 2>/dev/null | head -1 || true)"
  fi
  if [ -z "$nv" ]; then
    echo "no ICD registered and no libnvidia-opencl.so.1 found: OpenCL will report no device"
    return
  fi
  mkdir -p "$here/vendors"
  echo "$nv" > "$here/vendors/nvidia.icd"
  export OCL_ICD_VENDORS="$here/vendors"
  echo "registered $nv as an ICD (OCL_ICD_VENDORS=$OCL_ICD_VENDORS)"
}

run() {
  here="$(cd "$(dirname "$0")" && pwd)"
  local java="$here/runtime/bin/java"
  # The bundled loader only where the machine has none.
  if ! ldconfig -p 2>/dev/null | grep -q 'libOpenCL\.so\.1'; then export LD_LIBRARY_PATH="$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
  register_icd
  export PEARL_NO_RELAUNCH=1
  local pearl=("$java" --add-modules jdk.incubator.vector -XX:+UseG1GC -jar "$here/pearl.jar")
  command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
  echo "== devices"
  "${pearl[@]}" devices
  echo "== matmul (GFLOP/s)"
  "${pearl[@]}" bench matmul --backend opencl
  "${pearl[@]}" bench matmul --backend opencl --dtype float64
  "${pearl[@]}" bench matmul --backend cpu
  for dtype in float32 float64; do
    echo "== ops, batch 1000, $dtype"
    "${pearl[@]}" bench ops --backend opencl --dtype "$dtype" --batch 1000
    "${pearl[@]}" bench ops --backend cpu --dtype "$dtype" --batch 1000
  done
}

case "${1:-}" in
  pack) shift; pack "$@" ;;
  run) run ;;
  *) echo "usage: $0 pack [dir] | run" >&2; exit 2 ;;
esac
