#!/usr/bin/env bash
# Quiet sitting: A/B of the candidate changes, builds alternating per round.
R=/work/runs
hdr() { echo "== $1 $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"; }
for r in 1 2 3; do
  for isa in avx2 native; do for j in lce gemm; do
    for d in float32 float64; do hdr "matmul $j $isa $d r$r"
      java -jar $R/pearl-$j.jar bench matmul --isa $isa --dtype $d --threads 2 --reps 5 2>/dev/null | grep '^{' | cut -d, -f2,9,10,12
    done
  done; done
done
for r in 1 2; do
  for j in lce pool; do hdr "elementwise $j r$r"
    java -jar $R/pearl-$j.jar bench elementwise --dtype float32 --threads 2 --reps 5 2>/dev/null | grep '^{'
  done
done
for r in 1 2; do
  for j in 16955cd lce pool both; do hdr "ops $j r$r"
    java -jar $R/pearl-$j.jar bench ops --batch 1000 --dtype float32 --threads 2 --reps 7 2>/dev/null | grep '^{'
    hdr "rnn $j r$r"
    java -jar $R/pearl-$j.jar bench rnn --steps 100 --threads 2 --reps 7 2>/dev/null | grep '^{'
  done
done
