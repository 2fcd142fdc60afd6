package dev.pearl.hf.spark;

import dev.pearl.hf.parallel.ProblemSpec;
import dev.pearl.hf.parallel.Shard;
import dev.pearl.hf.parallel.ShardWorker;
import dev.pearl.hf.problem.Problem;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shard workers of each run in this executor JVM: a worker keeps its shard as tensors, the
 * problem rebuilt from its description, and the step's linearisation between tasks. A lost
 * executor loses them; the next task rebuilds them from the cached shard and the task's data.
 */
final class ExecutorShards {
    private static final Map<String, Map<Integer, ShardWorker>> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, Problem> PROBLEMS = new ConcurrentHashMap<>();

    private ExecutorShards() {
    }

    static ShardWorker worker(String run, ProblemSpec spec, Shard shard) {
        Problem problem = PROBLEMS.computeIfAbsent(run, r -> spec.build());
        return RUNS.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).computeIfAbsent(shard.index(), i -> new ShardWorker(shard, problem));
    }

    static void forget(String run) {
        RUNS.remove(run);
        PROBLEMS.remove(run);
    }
}
