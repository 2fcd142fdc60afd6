#!/usr/bin/env bash
# Median stochastic-HF step on CURVES (float32, gradient and curvature batch 1000, CG capped at 25
# steps, 2 threads) for two builds of pearl.jar, run one after the other in one sitting:
# BEFORE (main before the ISA-aware GEMM, 779de22) and AFTER. Prints each run's per-step medians
# from metrics.csv: train seconds per HF step, and the CG steps per HF step.
#   BEFORE=/tmp/sit/before.jar AFTER=examples/target/pearl.jar docs/results/cpu-speed/hf-step.sh [seconds] [isa flag]
set -u
BEFORE=${BEFORE:?a pearl.jar built at 779de22}
AFTER=${AFTER:-examples/target/pearl.jar}
SECONDS_EACH=${1:-150}
JVMFLAGS=${2:-}
uptime
for who in before after; do
  jar=$BEFORE; [ $who = after ] && jar=$AFTER
  out=$(mktemp -d /tmp/hfstep.XXXXXX)
  echo "== $who $(date +%T) $jar $JVMFLAGS"
  java $JVMFLAGS -jar "$jar" train --dataset curves --optimizer hf --gradient-batch 1000 --curvature-batch 1000 \
    --cg-max-iterations 25 --updates-per-iteration 10 --threads 2 --seed 7 --max-seconds "$SECONDS_EACH" --out "$out" > "$out/log" 2>&1
  python3 - "$out/metrics.csv" <<'PY'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["iteration"] != "0" and r["train_s"]]
prev, per_step, cg = 0, [], []
for r in rows:
    updates = int(r["updates"]); steps = updates - prev; prev = updates
    if steps > 0:
        per_step.append(float(r["iteration_s"]) / steps)
        cg.append(float(r["cg_iterations"]) / steps)
print(f"iterations {len(per_step)}, median s per HF step {statistics.median(per_step):.3f}, "
      f"median CG steps per HF step {statistics.median(cg):.1f}, last train error {rows[-1]['train_error']}")
PY
done
uptime
