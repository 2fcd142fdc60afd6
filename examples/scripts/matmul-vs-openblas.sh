#!/usr/bin/env bash
# Matmul GFLOP/s of Pearl against OpenBLAS (through PyTorch, as ../shared/peers sets it up) at the
# MNIST auto-encoder's shapes, float32 and float64, alternating so that all see the same machine.
# The instruction set is one flag for both sides:
#   native  Pearl as the JVM finds the CPU; OpenBLAS's own detection (OPENBLAS_CORETYPE unset)
#   avx2    Pearl with --isa avx2 (-XX:UseAVX=2); OpenBLAS with OPENBLAS_CORETYPE=Haswell
# A comma-separated list (native,avx2) interleaves several. With PEARL_BASELINE_JAR set, an older
# pearl.jar runs beside (as pearl-baseline, its JVM given -XX:UseAVX=2 directly for avx2).
# Prints a header line per run and the JSON lines; docs/results/cpu-speed/matmul_table.py turns
# a log into the table of medians.
#
#   examples/scripts/matmul-vs-openblas.sh [isa[,isa]] [rounds] [threads] > matmul.log
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${PEARL_JAR:-$root/examples/target/pearl.jar}"
baseline="${PEARL_BASELINE_JAR:-}"
ref="$root/docs/results/cpu-speed/openblas_matmul.py"
isas="${1:-native}"
rounds="${2:-3}"
threads="${3:-2}"
[ -f "$jar" ] || { echo "no $jar: build with mvn -DskipTests package first" >&2; exit 1; }
header() { echo "== $1 $2 $3 r$4 $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"; }
for r in $(seq 1 "$rounds"); do
  for d in float32 float64; do
    for isa in ${isas//,/ }; do
      case "$isa" in
        native) coretype=(); jvmflag=() ;;
        avx2) coretype=(OPENBLAS_CORETYPE=Haswell); jvmflag=(-XX:UseAVX=2) ;;
        *) echo "isa must be native or avx2, got '$isa'" >&2; exit 2 ;;
      esac
      if [ -n "$baseline" ]; then
        header pearl-baseline "$isa" "$d" "$r"
        java "${jvmflag[@]}" -jar "$baseline" bench matmul --dtype "$d" --threads "$threads" --reps 5 2>/dev/null | grep '^{'
      fi
      header pearl "$isa" "$d" "$r"
      java -jar "$jar" bench matmul --isa "$isa" --dtype "$d" --threads "$threads" --reps 5 2>/dev/null | grep '^{'
      header openblas "$isa" "$d" "$r"
      env -u OPENBLAS_CORETYPE "${coretype[@]}" LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
        /usr/bin/python3 "$ref" --dtype "$d" --threads "$threads" --reps 5 | grep '^{'
    done
  done
done
