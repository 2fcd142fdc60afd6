#!/usr/bin/env bash
# Runs HF on CURVES on a Spark standalone cluster on this machine: a master and two workers as
# separate JVMs built from the Maven-resolved Spark jars (no Spark download), then stops them.
# Then runs the same training in one process (--spark local[2], same shards and order) and
# checks that both end at the same train loss (1e-9 relative; the ordered reduction makes them
# equal bit for bit).
#
#   examples/scripts/spark-standalone.sh                       # 8 iterations on the full CURVES set
#   ITERATIONS=2 TRAIN_SIZE=2000 examples/scripts/spark-standalone.sh
#   KILL_WORKER_AFTER=3 examples/scripts/spark-standalone.sh   # worker 2 dies during iteration 4 of the cluster run
#   KILL_WORKER_AFTER=3 KILL_WORKERS="2 1" EXECUTOR_WAIT=30s examples/scripts/spark-standalone.sh
#                                    # both die: the run ends in one line, then resumes on local[2]
#   RUN=bench examples/scripts/spark-standalone.sh             # bench spark on the cluster and on local[2]
#
# Environment: ITERATIONS (8), TRAIN_SIZE (20000), TEST_SIZE (10000), SHARDS (4), PORT (7177),
# WORKER_MEMORY (3g), EXECUTOR_MEMORY (2g), DTYPE (float64), CG_MAX_ITERATIONS (HF's default),
# KILL_WORKER_AFTER (an iteration: KILL_DELAY (20) seconds after the cluster run saved it, at a
# moment when worker 2's executor is running a task, worker 2 and its executor are killed with
# SIGKILL, as if their machine died; unset: no kill), KILL_WORKERS (the workers killed then, "2"
# by default; "2 1" kills both: the cluster run must then end with Pearl's one-line error once it has
# waited EXECUTOR_WAIT (spark.pearl.executorWaitTimeout, Pearl's default 120s) with no executor,
# and it is resumed from its checkpoint on local[2]), IN_PROCESS (1: also train without Spark, for
# the step times), REFERENCE (the output directory of an earlier local[2] run of the same settings
# to compare with instead of running it again), RUN (train or bench). Everything, logs included,
# stays in the work directory printed first.
set -euo pipefail
cd "$(dirname "$0")/../.."

ITERATIONS=${ITERATIONS:-8}
TRAIN_SIZE=${TRAIN_SIZE:-20000}
TEST_SIZE=${TEST_SIZE:-10000}
SHARDS=${SHARDS:-4}
PORT=${PORT:-7177}
WORKER_MEMORY=${WORKER_MEMORY:-3g}
EXECUTOR_MEMORY=${EXECUTOR_MEMORY:-2g}
DTYPE=${DTYPE:-float64}
CG_MAX_ITERATIONS=${CG_MAX_ITERATIONS:-}
KILL_WORKER_AFTER=${KILL_WORKER_AFTER:-}
KILL_DELAY=${KILL_DELAY:-20}
KILL_WORKERS=${KILL_WORKERS:-2}
EXECUTOR_WAIT=${EXECUTOR_WAIT:-}
IN_PROCESS=${IN_PROCESS:-0}
REFERENCE=${REFERENCE:-}
RUN=${RUN:-train}
WORK=$(mktemp -d /tmp/pearl-spark.XXXXXX)
echo "work directory: $WORK"
echo "load: $(uptime)"

# Spark's jars as Maven resolved them (hf-optimizer's provided dependencies), and pearl.jar.
mvn -B -q -pl hf-optimizer -am -DskipTests -Dmaven.javadoc.skip=true package dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.excludeGroupIds=dev.pearl -Dmdep.outputFile="$WORK/spark.classpath"
[ -f examples/target/pearl.jar ] || mvn -B -q -pl examples -am -DskipTests -Dmaven.javadoc.skip=true package
PEARL_JAR=$(pwd)/examples/target/pearl.jar
SPARK_CP=$(cat "$WORK/spark.classpath")
# Spark's launcher flags for Java 17+ (the same list as the tests').
JAVA_OPTS=$(sed -n 's:.*<spark.javaOptions>\(.*\)</spark.javaOptions>.*:\1:p' pom.xml)

# Workers start executors from $SPARK_HOME/jars: a directory of links to the resolved jars.
export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars"
tr ':' '\n' <<<"$SPARK_CP" | while read -r jar; do ln -s "$jar" "$SPARK_HOME/jars/"; done

MASTER="spark://127.0.0.1:$PORT"
PIDS=()
stop_cluster() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_cluster EXIT

java $JAVA_OPTS -cp "$SPARK_CP" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$PORT" --webui-port 0 >"$WORK/master.log" 2>&1 &
PIDS+=($!)
for i in 1 2; do
  java $JAVA_OPTS -cp "$SPARK_CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 \
      --memory "$WORKER_MEMORY" --work-dir "$WORK/worker$i" --webui-port 0 "$MASTER" >"$WORK/worker$i.log" 2>&1 &
  PIDS+=($!)
done
for _ in $(seq 1 180); do
  [ "$(grep -l "Successfully registered with master" "$WORK"/worker*.log 2>/dev/null | wc -l)" -eq 2 ] && break
  sleep 1
done
grep -q "Successfully registered" "$WORK/worker1.log" && grep -q "Successfully registered" "$WORK/worker2.log" \
  || { echo "workers did not register; see $WORK/*.log" >&2; exit 1; }
echo "master $MASTER with two workers (pids ${PIDS[*]})"

pearl() { # pearl's arguments; runs it with Spark's jars, executors fetch pearl.jar
  java $JAVA_OPTS --add-modules jdk.incubator.vector -Dspark.jars="$PEARL_JAR" -Dspark.executor.memory="$EXECUTOR_MEMORY" \
      ${EXECUTOR_WAIT:+-Dspark.pearl.executorWaitTimeout=$EXECUTOR_WAIT} \
      -cp "$PEARL_JAR:$SPARK_CP" dev.pearl.examples.PearlCli "$@"
}

if [ "$RUN" = bench ]; then
  # The fixed cost Spark adds per Gauss-Newton product, at the CURVES and MNIST auto-encoders' sizes:
  # on the cluster, then on local[2]. Each line: in process, on Spark, and the round trip, interleaved.
  MNIST=784,1000,500,250,30,250,500,1000,784
  for master in "$MASTER" "local[2]"; do
    echo "load: $(uptime)"
    pearl bench spark --master "$master" --cases 1000 --shards 2 --repeats 10 --dtype float64 | tee -a "$WORK/bench.log"
    pearl bench spark --master "$master" --cases 1000 --shards 2 --repeats 10 --dtype float32 --sizes "$MNIST" | tee -a "$WORK/bench.log"
    if [ "$master" = "$MASTER" ]; then stop_cluster; trap - EXIT; fi
  done
  echo "load: $(uptime)"
  exit 0
fi

train() { # $1: --spark master or "none", $2: run name (output directory and log in $WORK)
  local spark=() cg=()
  if [ "$1" != none ]; then spark=(--spark "$1" --spark-shards "$SHARDS"); fi
  if [ -n "$CG_MAX_ITERATIONS" ]; then cg=(--cg-max-iterations "$CG_MAX_ITERATIONS"); fi
  local status=0
  echo "$2: load $(uptime | sed 's/.*load average: //')" | tee "$WORK/$2.log"
  pearl train --dataset curves --dtype "$DTYPE" --train-size "$TRAIN_SIZE" --test-size "$TEST_SIZE" --gradient-batch "$TRAIN_SIZE" \
      --max-iterations "$ITERATIONS" --max-seconds 86400 "${cg[@]}" "${spark[@]}" --out "$WORK/$2" 2>&1 | tee -a "$WORK/$2.log" || status=$?
  echo "$2: load $(uptime | sed 's/.*load average: //')" | tee -a "$WORK/$2.log"
  return "$status"
}

kill_worker() { # worker $1 and the executor it launched, with SIGKILL, while a task runs there: its machine is gone
  local worker=${PIDS[$1]} executors log
  log=$(ls -t "$WORK"/worker"$1"/app-*/*/stderr | head -1)
  # The executor logs "Running task" and "Finished task" at INFO: more of the first means one is running.
  until [ "$(grep -c "Running task" "$log")" -gt "$(grep -c "Finished task" "$log")" ]; do sleep 0.1; done
  executors=$(pgrep -P "$worker" | tr '\n' ' ' || true)
  kill -9 "$worker" $executors
  echo "$(date -u +%T) killed worker $1 (pid $worker) and its executor (pids ${executors:-none}) while it ran: $(grep "Running task" "$log" | tail -1 | sed 's/.*INFO Executor: //')" | tee -a "$WORK/killed"
}

KILLER=
if [ -n "$KILL_WORKER_AFTER" ]; then
  # Once the cluster run's metrics.csv holds the iteration's row, a little into the next iteration.
  ( until [ -f "$WORK/cluster/metrics.csv" ] && cut -d, -f1 "$WORK/cluster/metrics.csv" | grep -qx "$KILL_WORKER_AFTER"; do sleep 2; done
    sleep "$KILL_DELAY"; for w in $KILL_WORKERS; do kill_worker "$w"; done ) &
  KILLER=$!
fi
ALL_KILLED=0
[ "$(tr ' ' '\n' <<<"$KILL_WORKERS" | sort -u | tr -d '\n')" = 12 ] && [ -n "$KILL_WORKER_AFTER" ] && ALL_KILLED=1
if [ "$ALL_KILLED" = 1 ]; then
  # No worker is left: the run must end in one line, its checkpoint kept, and go on in this process.
  if train "$MASTER" cluster; then echo "the cluster run did not fail although every worker was killed" >&2; exit 1; fi
  grep -q "no Spark executor for" "$WORK/cluster.log" || { echo "the cluster run failed otherwise; see $WORK/cluster.log" >&2; exit 1; }
  echo "resuming the cluster run on local[2]" | tee -a "$WORK/cluster.log"
  pearl train --resume "$WORK/cluster" --spark "local[2]" 2>&1 | tee -a "$WORK/cluster.log"
else
  train "$MASTER" cluster
fi
if [ -n "$KILLER" ]; then
  if [ -f "$WORK/killed" ]; then
    echo "Spark's reports of the loss: $(grep -c -E "Lost (executor|task)" "$WORK/cluster.log" || true) lines (in $WORK/cluster.log)"
  else
    kill "$KILLER" 2>/dev/null || true
    echo "the cluster run ended before the kill (KILL_WORKER_AFTER=$KILL_WORKER_AFTER, KILL_DELAY=$KILL_DELAY): no worker was killed" >&2
    exit 1
  fi
fi
stop_cluster
trap - EXIT
if [ -z "$REFERENCE" ]; then train "local[2]" local; REFERENCE=$WORK/local; fi
if [ "$IN_PROCESS" = 1 ]; then train none in-process; fi

last_loss() { tail -1 "$1/metrics.csv" | cut -d, -f3; }
cluster=$(last_loss "$WORK/cluster") local=$(last_loss "$REFERENCE")
echo "final train loss after $ITERATIONS iterations: cluster $cluster, one process (local[2]) $local"
awk -v a="$cluster" -v b="$local" 'BEGIN { d = a - b; if (d < 0) d = -d; r = d / (b < 0 ? -b : b);
  printf "relative difference %.3g\n", r; exit !(r <= 1e-9) }'
