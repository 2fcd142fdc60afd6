#!/usr/bin/env bash
# One sitting of `pearl bench rnn` against its PyTorch reference (examples/scripts/torch_rnn_bench.py):
# a tanh RNN, batch 1000, 100 hidden units, 2 inputs, squared error on the last step, for each T
# given, alternating Pearl and PyTorch so that both see the same machine. Prints a header line per
# run and the JSON lines. Needs a quiet machine: PyTorch's OpenMP threads spin, so another job on
# the same cores slows it by several times. PyTorch allocates a fresh buffer per op; where page
# faults are slow (some virtual machines: `time` then shows sys close to user), glibc returning
# memory to the kernel after each op costs PyTorch several times its compute, so the reference
# keeps freed memory (the MALLOC_* settings below; PyTorch's own allocators cache likewise).
#
# JAVA_OPTS passes JVM flags (e.g. -XX:UseAVX=2 with OPENBLAS_CORETYPE=Haswell for an AVX2 sitting).
#
#   examples/scripts/rnn-vs-pytorch.sh [threads] [reps] [dtype] [T ...] > rnn-sitting.log
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/examples/target/pearl.jar"
peer="$root/examples/scripts/torch_rnn_bench.py"
threads="${1:-2}"
reps="${2:-5}"
dtype="${3:-float32}"
shift $(( $# < 3 ? $# : 3 ))
lengths=("$@")
[ ${#lengths[@]} -gt 0 ] || lengths=(100 200)
[ -f "$jar" ] || { echo "no $jar: build with mvn -DskipTests package first" >&2; exit 1; }
for t in "${lengths[@]}"; do
  echo "== pearl T$t $dtype $(date +%T)"
  java ${JAVA_OPTS:-} -jar "$jar" bench rnn --steps "$t" --dtype "$dtype" --threads "$threads" --reps "$reps" 2>&1 | grep '^{'
  echo "== torch T$t $dtype $(date +%T)"
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=1073741824 \
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS="$threads" /usr/bin/python3 "$peer" \
    --steps "$t" --dtype "$dtype" --threads "$threads" --reps "$reps" 2>&1 | grep '^{'
done
