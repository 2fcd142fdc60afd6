#!/usr/bin/env bash
# grad, gnvp and hvp before and after ad-core's reshaping (one reverse sweep, one-way layers), in
# one sitting: `pearl bench ops` of two jars alternating, float32 and float64, batch 1000, for
# ROUNDS rounds. BEFORE is a jar built at 05f5c2d, the last commit before the reshaping; AFTER
# defaults to this checkout's examples/target/pearl.jar.
#
#   git worktree add /tmp/before 05f5c2d && (cd /tmp/before && mvn -q -DskipTests package)
#   BEFORE=/tmp/before/examples/target/pearl.jar docs/results/cpu-speed/reshape-before-after.sh > log
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
before="${BEFORE:?set BEFORE to a pearl.jar built at 05f5c2d}"
after="${AFTER:-$root/examples/target/pearl.jar}"
rounds="${ROUNDS:-2}"
for r in $(seq 1 "$rounds"); do
  for d in float32 float64; do
    for side in before after; do
      jar="$before"; [ "$side" = after ] && jar="$after"
      echo "== $side round $r $d $(date +%T)"
      java -jar "$jar" bench ops --batch 1000 --dtype "$d" --threads 2 --reps 5 2>&1 | grep '^{'
    done
  done
done
