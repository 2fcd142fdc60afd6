#!/usr/bin/env bash
# Runs HF on CURVES on a Spark standalone cluster on this machine: a master and two workers as
# separate JVMs built from the Maven-resolved Spark jars (no Spark download), then stops them.
# Then runs the same training in one process (--spark local[2], same shards and order) and
# compares the final train loss.
#
#   examples/scripts/spark-standalone.sh                       # 8 iterations on the full CURVES set
#   ITERATIONS=2 TRAIN_SIZE=2000 examples/scripts/spark-standalone.sh
#
# Environment: ITERATIONS (8), TRAIN_SIZE (20000), TEST_SIZE (10000), SHARDS (4), PORT (7177),
# WORKER_MEMORY (2g), EXECUTOR_MEMORY (1g), DTYPE (float64).
set -euo pipefail
cd "$(dirname "$0")/../.."

ITERATIONS=${ITERATIONS:-8}
TRAIN_SIZE=${TRAIN_SIZE:-20000}
TEST_SIZE=${TEST_SIZE:-10000}
SHARDS=${SHARDS:-4}
PORT=${PORT:-7177}
WORKER_MEMORY=${WORKER_MEMORY:-2g}
EXECUTOR_MEMORY=${EXECUTOR_MEMORY:-1g}
DTYPE=${DTYPE:-float64}
WORK=$(mktemp -d /tmp/pearl-spark.XXXXXX)
echo "work directory: $WORK"

# Spark's jars as Maven resolved them (hf-optimizer's provided dependencies), and pearl.jar.
mvn -B -q -pl hf-optimizer -am -DskipTests -Dmaven.javadoc.skip=true package dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.excludeGroupIds=dev.pearl -Dmdep.outputFile="$WORK/spark.classpath"
[ -f examples/target/pearl.jar ] || mvn -B -q -pl examples -am -DskipTests -Dmaven.javadoc.skip=true package
PEARL_JAR=$(pwd)/examples/target/pearl.jar
SPARK_CP=$(cat "$WORK/spark.classpath")
# Spark's launcher flags for Java 17+ (the same list as hf-optimizer's tests).
JAVA_OPTS=$(sed -n 's:.*<spark.javaOptions>\(.*\)</spark.javaOptions>.*:\1:p' hf-optimizer/pom.xml)

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

train() { # $1: master, $2: output directory
  java $JAVA_OPTS --add-modules jdk.incubator.vector -Dspark.jars="$PEARL_JAR" -Dspark.executor.memory="$EXECUTOR_MEMORY" \
      -cp "$PEARL_JAR:$SPARK_CP" dev.pearl.examples.PearlCli train --dataset curves --dtype "$DTYPE" \
      --train-size "$TRAIN_SIZE" --test-size "$TEST_SIZE" --gradient-batch "$TRAIN_SIZE" --max-iterations "$ITERATIONS" \
      --spark "$1" --spark-shards "$SHARDS" --out "$2"
}
train "$MASTER" "$WORK/cluster"
stop_cluster
trap - EXIT
train "local[2]" "$WORK/local"

last_loss() { tail -1 "$1/metrics.csv" | cut -d, -f3; }
echo "final train loss: cluster $(last_loss "$WORK/cluster"), one process $(last_loss "$WORK/local")"
