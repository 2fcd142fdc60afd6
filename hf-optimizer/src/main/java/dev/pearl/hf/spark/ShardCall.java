package dev.pearl.hf.spark;

import dev.pearl.Params;
import dev.pearl.hf.parallel.ParamsLayout;
import dev.pearl.hf.parallel.Payload;
import dev.pearl.hf.parallel.ProblemSpec;
import dev.pearl.hf.parallel.Shard;
import dev.pearl.hf.parallel.ShardTask;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/** A task as Spark ships it: the run's id and description, the task, and the broadcasts of θ and v. */
final class ShardCall implements Function<Shard, Payload> {
    private static final long serialVersionUID = 1L;

    private final String run;
    private final ProblemSpec spec;
    private final ParamsLayout layout;
    private final ShardTask task;
    private final Broadcast<Payload> theta;
    private final Broadcast<Payload> vector;

    ShardCall(String run, ProblemSpec spec, ParamsLayout layout, ShardTask task, Broadcast<Payload> theta, Broadcast<Payload> vector) {
        this.run = run;
        this.spec = spec;
        this.layout = layout;
        this.task = task;
        this.theta = theta;
        this.vector = vector;
    }

    @Override
    public Payload call(Shard shard) {
        Params t = layout.params(theta.value());
        Params v = vector == null ? null : layout.params(vector.value());
        return task.run(ExecutorShards.worker(run, spec, shard), t, v);
    }
}
