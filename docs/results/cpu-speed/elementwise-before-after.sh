#!/usr/bin/env bash
# Two Pearl jars (before and after a change) and the PyTorch peer, alternating per dtype so all
# three see the same machine: `pearl bench elementwise` on each jar, then
# examples/scripts/torch_elementwise_bench.py.
#
#   docs/results/cpu-speed/elementwise-before-after.sh BEFORE.jar AFTER.jar [rounds] [threads] > log
#   python3 docs/results/cpu-speed/elementwise_before_after.py log
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
before="$1"; after="$2"; rounds="${3:-1}"; threads="${4:-2}"
for r in $(seq 1 "$rounds"); do
  for d in float32 float64; do
    for who in before after; do
      jar="$before"; [ "$who" = after ] && jar="$after"
      echo "== $who native $d r$r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
      java -jar "$jar" bench elementwise --dtype "$d" --threads "$threads" 2>/dev/null | grep '^{'
    done
    echo "== torch native $d r$r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    OMP_NUM_THREADS="$threads" LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
      /usr/bin/python3 "$root/examples/scripts/torch_elementwise_bench.py" --dtype "$d" --threads "$threads" | grep '^{'
  done
done
