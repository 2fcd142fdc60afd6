#!/usr/bin/env bash
R=/work/runs
hdr() { echo "== $1 $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"; }
for r in 1 2 3 4; do
  for j in lce pool both; do
    hdr "elementwise $j r$r"; java -jar $R/pearl-$j.jar bench elementwise --dtype float32 --threads 2 --reps 5 2>/dev/null | grep '^{'
    hdr "ops $j r$r"; java -jar $R/pearl-$j.jar bench ops --batch 1000 --dtype float32 --threads 2 --reps 7 2>/dev/null | grep '^{'
    hdr "rnn $j r$r"; java -jar $R/pearl-$j.jar bench rnn --steps 100 --threads 2 --reps 7 2>/dev/null | grep '^{'
  done
done
for r in 1 2 3; do
  for j in lce gemm; do
    hdr "ops-avx2 $j r$r"; java -jar $R/pearl-$j.jar bench ops --isa avx2 --batch 1000 --dtype float32 --threads 2 --reps 7 2>/dev/null | grep '^{'
  done
done
