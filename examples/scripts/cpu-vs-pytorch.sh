#!/usr/bin/env bash
# One sitting of Pearl against PyTorch on this CPU: `pearl bench ops` and the PyTorch peer
# (../shared/peers/torch_ops_bench.py, set up with its setup.sh) for batch 1000 and 5000, float32
# and float64, alternating so that both see the same machine. Prints a header line per run and
# the JSON lines; docs/results/cpu-speed/table.py turns the output into the comparison table.
# The instruction set is one flag for both sides: native (Pearl as the JVM finds the CPU, OpenBLAS
# with its own detection, OPENBLAS_CORETYPE unset) or avx2 (Pearl with --isa avx2, i.e.
# -XX:UseAVX=2; OpenBLAS with OPENBLAS_CORETYPE=Haswell and PyTorch's own kernels with
# ATEN_CPU_CAPABILITY=avx2).
#
#   examples/scripts/cpu-vs-pytorch.sh [threads] [reps] [isa] > sitting.log
#   python3 docs/results/cpu-speed/table.py sitting.log
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/examples/target/pearl.jar"
peer="${PEARL_PEER:-$root/../shared/peers/torch_ops_bench.py}"
threads="${1:-2}"
reps="${2:-7}"
isa="${3:-native}"
case "$isa" in
  native) coretype=() ;;
  avx2) coretype=(OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2) ;;
  *) echo "isa must be native or avx2, got '$isa'" >&2; exit 2 ;;
esac
[ -f "$jar" ] || { echo "no $jar: build with mvn -DskipTests package first" >&2; exit 1; }
[ -f "$peer" ] || { echo "no PyTorch peer at $peer (set PEARL_PEER)" >&2; exit 1; }
for b in 1000 5000; do
  for d in float32 float64; do
    echo "== pearl b$b $d $(date +%T)"
    java -jar "$jar" bench ops --isa "$isa" --batch "$b" --dtype "$d" --threads "$threads" --reps "$reps" 2>&1 | grep '^{'
    echo "== torch b$b $d $(date +%T)"
    env -u OPENBLAS_CORETYPE -u ATEN_CPU_CAPABILITY "${coretype[@]}" LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$peer" \
      --batch "$b" --dtype "$d" --threads "$threads" --reps "$reps" --no-check 2>&1 | grep '^{' | grep -v '"info"'
  done
done
