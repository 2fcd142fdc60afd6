#!/usr/bin/env bash
# One sitting of `pearl bench conv` (the LeNet net of `train --model lenet`) against its PyTorch
# reference (examples/scripts/torch_conv_bench.py), alternating the two for the given rounds so
# that both see the same machine. Prints a header line per run and the JSON lines. Needs a quiet
# machine. The reference runs with glibc keeping freed memory (the MALLOC_* settings below): on a
# virtual machine with slow page faults, a fresh allocation per op otherwise costs PyTorch several
# times its compute (rnn-vs-pytorch.sh says more).
#
# The instruction set is one flag for both sides, as in cpu-vs-pytorch.sh: native, or avx2 (Pearl
# with --isa avx2; OpenBLAS with OPENBLAS_CORETYPE=Haswell, PyTorch's own kernels with
# ATEN_CPU_CAPABILITY=avx2).
#
# PASSES=1 times each convolution's three products alone on both sides (bench conv --passes).
#
#   examples/scripts/conv-vs-pytorch.sh [threads] [reps] [dtype] [rounds] [isa] > conv-sitting.log
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${PEARL_JAR:-$root/examples/target/pearl.jar}"
peer="$root/examples/scripts/torch_conv_bench.py"
threads="${1:-2}"
reps="${2:-5}"
dtype="${3:-float32}"
rounds="${4:-2}"
isa="${5:-native}"
case "$isa" in
  native) coretype=() ;;
  avx2) coretype=(OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2) ;;
  *) echo "isa must be native or avx2, got '$isa'" >&2; exit 2 ;;
esac
passes=()
[ -n "${PASSES:-}" ] && passes=(--passes)
[ -f "$jar" ] || { echo "no $jar: build with mvn -DskipTests package first" >&2; exit 1; }
for r in $(seq 1 "$rounds"); do
  echo "== pearl round $r $dtype $isa $(date +%T)"
  java -jar "$jar" bench conv "${passes[@]}" --isa "$isa" --batch 1000 --dtype "$dtype" --threads "$threads" --reps "$reps" --warmup 3 2>&1 | grep '^{'
  echo "== torch round $r $dtype $isa $(date +%T)"
  env -u OPENBLAS_CORETYPE -u ATEN_CPU_CAPABILITY "${coretype[@]}" MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=1073741824 \
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS="$threads" /usr/bin/python3 "$peer" \
    "${passes[@]}" --batch 1000 --dtype "$dtype" --threads "$threads" --reps "$reps" --warmup 3 2>&1 | grep '^{'
done
