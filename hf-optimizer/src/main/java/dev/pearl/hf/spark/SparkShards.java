package dev.pearl.hf.spark;

import dev.pearl.Params;
import dev.pearl.hf.parallel.ParamsLayout;
import dev.pearl.hf.parallel.Payload;
import dev.pearl.hf.parallel.ProblemSpec;
import dev.pearl.hf.parallel.Shard;
import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.parallel.ShardTask;
import dev.pearl.hf.problem.Batch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Shards as a cached RDD, one shard per partition. θ is broadcast once for as long as the
 * optimizer asks at the same θ (a step's gradient, preconditioner and whole CG solve), each
 * direction of a curvature product once and destroyed after it; the executors rebuild the problem
 * from its {@link ProblemSpec} and keep a step's linearisation for all of its products.
 */
public final class SparkShards implements ShardRunner {
    private final JavaSparkContext spark;
    private final String run = UUID.randomUUID().toString();
    private final ProblemSpec spec;
    private final ParamsLayout layout;
    private final Reduction reduction;
    private final int[] sizes;
    private final JavaRDD<Shard> shards;
    private final ExecutorWatch watch;
    private final Set<Broadcast<?>> live = new HashSet<>();
    private Params thetaSent;
    private Broadcast<Payload> thetaBroadcast;
    private boolean closed;

    /**
     * Cuts the training set into {@code shardCount} shards and caches them on the executors.
     *
     * @param spark the Spark context
     * @param spec the serialisable description each executor rebuilds the problem from
     * @param training the training set, with inputs
     * @param like any parameters of the model (their names, shapes and dtype)
     * @param shardCount the number of shards, in [1, training cases]
     * @param reduction how the shards' results are summed
     * @throws NullPointerException if spark, spec or reduction is null
     * @throws IllegalArgumentException if shardCount is out of range, like mixes dtypes, or spec is not serialisable
     */
    public SparkShards(JavaSparkContext spark, ProblemSpec spec, Batch training, Params like, int shardCount, Reduction reduction) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.spec = SparkErrors.requireSerializable(Objects.requireNonNull(spec, "problem description"), "the problem description");
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.layout = ParamsLayout.of(like);
        if (shardCount < 1 || shardCount > training.size())
            throw new IllegalArgumentException("cannot cut " + training.size() + " cases into " + shardCount + " shards");
        // Each shard travels once, as a broadcast that the executor caching it reads; a task then
        // carries only its index (a parallelized collection would ship the data with every task).
        List<Shard> cut = new ArrayList<>(shardCount);
        List<Integer> indices = new ArrayList<>(shardCount);
        sizes = new int[shardCount];
        for (int s = 0; s < shardCount; s++) {
            cut.add(Shard.cut(training, s, shardCount));
            sizes[s] = cut.get(s).size();
            indices.add(s);
        }
        watch = ExecutorWatch.start(spark.sc());
        try {
            shards = SparkErrors.run(spark, watch, "caching the shards", () -> {
                List<Broadcast<Shard>> parts = new ArrayList<>(shardCount);
                for (Shard s : cut) parts.add(broadcast(s));
                JavaRDD<Shard> rdd = spark.parallelize(indices, shardCount).map(i -> parts.get(i).value()).persist(StorageLevel.MEMORY_ONLY());
                rdd.setName("pearl shards " + run);
                rdd.count();
                return rdd;
            });
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
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
        if (closed) throw new IllegalStateException("these Spark shards are closed");
        return SparkErrors.run(spark, watch, "a sum over the shards", () -> {
            Broadcast<Payload> t = thetaAt(theta);
            Broadcast<Payload> v = vector == null ? null : broadcast(Payload.of(new double[0], vector, 1));
            try {
                return reduce(shards.map(new ShardCall(run, spec, layout, task, t, v)));
            } finally {
                if (v != null) destroy(v);
            }
        });
    }

    private Payload reduce(JavaRDD<Payload> parts) {
        if (reduction == Reduction.TREE) return parts.treeAggregate(Payload.none(), Payload::plus, Payload::plus, 2);
        Payload total = Payload.none();
        for (Payload p : parts.collect()) total = total.plus(p);
        return total;
    }

    /** θ's broadcast: the last one while the same θ is asked for, else a new one (the old one destroyed). */
    private Broadcast<Payload> thetaAt(Params theta) {
        if (theta != thetaSent) {
            if (thetaBroadcast != null) destroy(thetaBroadcast);
            thetaBroadcast = broadcast(Payload.of(new double[0], theta, 1));
            thetaSent = theta;
        }
        return thetaBroadcast;
    }

    private <T> Broadcast<T> broadcast(T value) {
        Broadcast<T> b = spark.broadcast(value);
        live.add(b);
        return b;
    }

    private void destroy(Broadcast<?> b) {
        live.remove(b);
        b.destroy();
    }

    /**
     * Broadcasts not yet destroyed (the shards', and θ's while it is current); none after {@link #close}.
     *
     * @return the number of live broadcasts
     */
    public int liveBroadcasts() {
        return live.size();
    }

    /**
     * Drops the executors' workers, the cached shards and every broadcast. After Spark stopped the
     * application (it gave up on its executors) there is nothing left to drop, and nothing to ask;
     * after the executor watch cancelled a job, no executor is left to ask either.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        thetaBroadcast = null;
        thetaSent = null;
        try {
            if (spark.sc().isStopped()) {
                ExecutorShards.forget(run); // local mode: the executor was this JVM
                live.clear();
                return;
            }
            String id = run;
            try {
                if (watch.reason() == null) shards.foreachPartition(it -> ExecutorShards.forget(id));
            } catch (RuntimeException e) {
                // The watch cancelled this job too: the executors, and what they held, are gone.
                if (watch.reason() == null) throw e;
            } finally {
                shards.unpersist(true);
                for (Broadcast<?> b : List.copyOf(live)) destroy(b);
            }
        } finally {
            watch.close();
        }
    }
}
