package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Shards on threads of this process. Results are added in shard order, so a run is reproducible
 * and equals a cluster run that reduces in the same order.
 */
public final class LocalShards implements ShardRunner {
    private final List<ShardWorker> workers = new ArrayList<>();
    private final int[] sizes;
    private final ParamsLayout layout;
    private final ExecutorService threads;

    /**
     * {@code shards} shards of the training set, worked on by up to {@code threads} threads.
     *
     * @param problem the problem evaluated on each shard
     * @param training the training set, with inputs
     * @param like parameters with the layout the tasks will see (one dtype)
     * @param shards the number of shards, in [1, training cases]
     * @param threads the most threads working at once, &gt;= 1
     * @throws IllegalArgumentException if shards or threads is out of range or like mixes dtypes
     */
    public LocalShards(Problem problem, Batch training, Params like, int shards, int threads) {
        Objects.requireNonNull(problem, "problem");
        if (shards < 1 || shards > training.size())
            throw new IllegalArgumentException("cannot cut " + training.size() + " cases into " + shards + " shards");
        if (threads < 1) throw new IllegalArgumentException("shard threads must be >= 1, got " + threads);
        this.sizes = new int[shards];
        for (int s = 0; s < shards; s++) {
            Shard shard = Shard.cut(training, s, shards);
            sizes[s] = shard.size();
            workers.add(new ShardWorker(shard, problem));
        }
        this.layout = ParamsLayout.of(like);
        this.threads = Executors.newFixedThreadPool(Math.min(threads, shards), r -> {
            Thread t = new Thread(r, "pearl-shard");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int[] shardSizes() {
        return sizes.clone();
    }

    @Override
    public ParamsLayout layout() {
        return layout;
    }

    @Override
    public Payload sum(ShardTask task, Params theta, Params vector) {
        // θ and v pass through the layout, as they would to another machine.
        Params t = layout.params(Payload.of(new double[0], theta, 1));
        Params v = vector == null ? null : layout.params(Payload.of(new double[0], vector, 1));
        List<Future<Payload>> parts = new ArrayList<>(workers.size());
        for (ShardWorker w : workers) parts.add(threads.submit(() -> task.run(w, t, v)));
        Payload total = Payload.none();
        try {
            for (Future<Payload> part : parts) total = total.plus(part.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shards were working", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
        return total;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        workers.forEach(ShardWorker::release);
    }
}
