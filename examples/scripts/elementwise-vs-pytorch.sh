#!/usr/bin/env bash
# Elementwise ops and reductions of Pearl against PyTorch on this CPU (`pearl bench elementwise`
# and examples/scripts/torch_elementwise_bench.py), float32 and float64, alternating so that both
# see the same machine. The instruction set is one flag for both sides: native, or avx2 (Pearl
# with --isa avx2, i.e. -XX:UseAVX=2; PyTorch with ATEN_CPU_CAPABILITY=avx2 for its own kernels
# and OPENBLAS_CORETYPE=Haswell). A comma-separated list (native,avx2) interleaves them.
#
#   examples/scripts/elementwise-vs-pytorch.sh [isa[,isa]] [rounds] [threads] > elementwise.log
#   python3 docs/results/cpu-speed/elementwise_table.py elementwise.log
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${PEARL_JAR:-$root/examples/target/pearl.jar}"
peer="$root/examples/scripts/torch_elementwise_bench.py"
isas="${1:-native}"
rounds="${2:-2}"
threads="${3:-2}"
[ -f "$jar" ] || { echo "no $jar: build with mvn -DskipTests package first" >&2; exit 1; }
for r in $(seq 1 "$rounds"); do
  for d in float32 float64; do
    for isa in ${isas//,/ }; do
      case "$isa" in
        native) torchenv=() ;;
        avx2) torchenv=(ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell) ;;
        *) echo "isa must be native or avx2, got '$isa'" >&2; exit 2 ;;
      esac
      echo "== pearl $isa $d r$r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
      java -jar "$jar" bench elementwise --isa "$isa" --dtype "$d" --threads "$threads" 2>/dev/null | grep '^{'
      echo "== torch $isa $d r$r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
      env -u OPENBLAS_CORETYPE -u ATEN_CPU_CAPABILITY "${torchenv[@]}" OMP_NUM_THREADS="$threads" \
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$peer" --dtype "$d" --threads "$threads" | grep '^{'
    done
  done
done
