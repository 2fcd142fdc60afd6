#!/usr/bin/env bash
# One quiet sitting with both instruction sets on one AVX-512 machine: AVX2 forced on both sides
# (-XX:UseAVX=2 for Pearl, OPENBLAS_CORETYPE=Haswell for OpenBLAS) beside native.
#   1. matmul GFLOP/s at the auto-encoder's shapes, Pearl (main and the k-slice blocking of the
#      gemm branch) against OpenBLAS, native and avx2 interleaved;
#   2. pearl bench ops against the PyTorch peer, batch 1000 and 5000, float32 and float64, avx2 then native;
#   3. the main job (README's train command, defaults, 10 minutes) with the JIT held to AVX2.
# MAIN and GEMM name the two jars (copies, so that builds elsewhere do not change them mid-sitting).
set -u
cd "$(dirname "$0")/../../.."
MAIN=${MAIN:-/tmp/sit/main.jar}
GEMM=${GEMM:-/tmp/sit/gemm.jar}
lscpu | grep -E "Model name|^CPU\(s\)|Flags" | cut -c1-120; uptime
java -XX:UseAVX=2 -jar "$MAIN" devices 2>&1 | grep '^cpu'
java -jar "$MAIN" devices 2>&1 | grep '^cpu'
echo "#### matmul"
PEARL_JAR=$GEMM PEARL_BASELINE_JAR=$MAIN examples/scripts/matmul-vs-openblas.sh native,avx2 2 2
echo "#### ops avx2"
examples/scripts/cpu-vs-pytorch.sh 2 5 avx2
echo "#### ops native"
examples/scripts/cpu-vs-pytorch.sh 2 5 native
uptime
echo "#### main job, avx2, $(date +%T)"
rm -rf /tmp/mainjob-avx2
java -XX:UseAVX=2 -jar "$MAIN" train --out /tmp/mainjob-avx2 2>&1 | tail -8
tail -3 /tmp/mainjob-avx2/metrics.csv
uptime
