#!/usr/bin/env bash
# One quiet sitting: before (989eed0) vs after (main) vs PyTorch, interleaved. 2 threads, float32.
set -u
NEW=${NEW:-examples/target/pearl.jar}                 # main at 5cab92e
OLD=${OLD:-../before/examples/target/pearl.jar}     # a build of 989eed0
PY="env LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 /usr/bin/python3"
RNN=examples/scripts/torch_rnn_bench.py
CONV=examples/scripts/torch_conv_bench.py
OPS=../shared/peers/torch_ops_bench.py
lscpu | grep -E "Model name|^CPU\(s\)"; uptime
for round in 1 2; do
  echo "== round $round ops (MNIST auto-encoder, batch 1000)"
  echo "-- before"; timeout 300 java -jar $OLD bench ops --batch 1000 --dtype float32 --threads 2 --reps 5 2>&1 | grep '^{'
  echo "-- after";  timeout 300 java -jar $NEW bench ops --batch 1000 --dtype float32 --threads 2 --reps 5 2>&1 | grep '^{'
  echo "-- torch";  timeout 300 $PY $OPS --batch 1000 --dtype float32 --threads 2 --reps 5 --no-check 2>&1 | grep '^{'
  echo "== round $round rnn T=100 batch 1000 hidden 100"
  echo "-- after";  timeout 300 java -jar $NEW bench rnn --steps 100 --threads 2 --reps 5 --warmup 2 2>&1 | grep '^{'
  echo "-- torch";  timeout 300 $PY $RNN --steps 100 --threads 2 --reps 5 2>&1 | grep '^{'
  echo "== round $round conv LeNet batch 1000"
  echo "-- after";  timeout 300 java -jar $NEW bench conv --batch 1000 --threads 2 --reps 5 --warmup 3 2>&1 | grep '^{'
  echo "-- torch";  timeout 300 $PY $CONV --batch 1000 --threads 2 --reps 5 --warmup 3 2>&1 | grep '^{'
done
echo "== rnn T=200 once"
timeout 300 java -jar $NEW bench rnn --steps 200 --threads 2 --reps 3 --warmup 1 2>&1 | grep '^{'
timeout 300 $PY $RNN --steps 200 --threads 2 --reps 3 2>&1 | grep '^{'
echo "== rnn T=100 before (one rep; quadratic)"
timeout 200 java -jar $OLD bench rnn --steps 100 --threads 2 --reps 1 --warmup 0 2>&1 | grep '^{'
uptime
echo "== the default job (train defaults), 120 s each: before then after"
rm -rf /tmp/sit-before /tmp/sit-after
timeout 400 java -jar $OLD train --max-seconds 120 --out /tmp/sit-before 2>&1 | grep -E "^done|iteration|error" | tail -3
timeout 400 java -jar $NEW train --max-seconds 120 --out /tmp/sit-after 2>&1 | grep -E "^done|iteration|error" | tail -3
tail -2 /tmp/sit-before/metrics.csv /tmp/sit-after/metrics.csv
uptime
