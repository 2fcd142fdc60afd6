#!/usr/bin/env bash
# Matmul GFLOP/s of Pearl against OpenBLAS (through PyTorch, as ../shared/peers sets it up) at the
# MNIST auto-encoder's shapes, float32 and float64, on one instruction set, alternating so that
# both see the same machine. The instruction set is one flag for both sides:
#   native  Pearl as the JVM finds the CPU; OpenBLAS's own detection (OPENBLAS_CORETYPE unset)
#   avx2    Pearl with --isa avx2 (-XX:UseAVX=2); OpenBLAS with OPENBLAS_CORETYPE=Haswell
# Prints a header line per run and the JSON lines; docs/results/cpu-speed/matmul_table.py turns a
# log into the table of medians.
#
#   examples/scripts/matmul-vs-openblas.sh [isa] [rounds] [threads] > matmul.log
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${PEARL_JAR:-$root/examples/target/pearl.jar}"
ref="$root/docs/results/cpu-speed/openblas_matmul.py"
isa="${1:-native}"
rounds="${2:-3}"
threads="${3:-2}"
case "$isa" in
  native) coretype=() ;;
  avx2) coretype=(OPENBLAS_CORETYPE=Haswell) ;;
  *) echo "isa must be native or avx2, got '$isa'" >&2; exit 2 ;;
esac
[ -f "$jar" ] || { echo "no $jar: build with mvn -DskipTests package first" >&2; exit 1; }
for r in $(seq 1 "$rounds"); do
  for d in float32 float64; do
    echo "== pearl $isa $d r$r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    java -jar "$jar" bench matmul --isa "$isa" --dtype "$d" --threads "$threads" --reps 5 2>/dev/null | grep '^{'
    echo "== openblas $isa $d r$r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    env -u OPENBLAS_CORETYPE "${coretype[@]}" LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
      /usr/bin/python3 "$ref" --dtype "$d" --threads "$threads" --reps 5 | grep '^{'
  done
done
