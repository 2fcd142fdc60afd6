#!/usr/bin/env bash
# Runs of the results table: every TASK at every length T with every OPTIMIZER, one seed, BUDGET
# seconds each, one after the other (2 threads each), into OUT/TASK-T{T}-OPTIMIZER; then prints the
# table (table.py). Baselines run with the settings of OPTIMIZER_ARGS_<name> when given, e.g.
#   OPTIMIZER_ARGS_sgd="--learning-rate 1e-3 --momentum 0.9" OPTIMIZER_ARGS_adam="--learning-rate 1e-4"
#   TASKS="addition xor" LENGTHS="50" OPTIMIZERS="hf sgd adam" BUDGET=600 OUT=runs docs/results/sequence-tasks/table/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${PEARL_JAR:-$here/../../../../examples/target/pearl.jar}"
out="${OUT:-table-runs}"
seed="${SEED:-1}"
for task in ${TASKS:-addition multiplication xor temporal-order-2 temporal-order-3 random-permutation memorisation-5bit memorisation-20bit}; do
  for t in ${LENGTHS:-50 100 200}; do
    for opt in ${OPTIMIZERS:-hf}; do
      dir="$out/$task-T$t-$opt"
      [ -f "$dir/metrics.csv" ] && { echo "== $dir exists, kept"; continue; }
      extra_var="OPTIMIZER_ARGS_${opt//-/_}"
      echo "== $task T=$t $opt $(date +%T)"
      # shellcheck disable=SC2086
      java -jar "$jar" train --task "$task" --length "$t" --seed "$seed" --optimizer "$opt" ${!extra_var:-} \
        --max-seconds "${BUDGET:-600}" --out "$dir" 2>&1 | grep -v 'CG [0-9]*/' | tail -3
    done
  done
done
/usr/bin/python3 "$here/table.py" "$out"/*/metrics.csv
