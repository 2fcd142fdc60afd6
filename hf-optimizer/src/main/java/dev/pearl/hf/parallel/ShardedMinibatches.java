package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.train.Seeds;

/**
 * Minibatches of sharded data: pass e cuts the N cases into k = ⌈N / batch size⌉ chunks by a hash
 * of each case's index seeded from (seed, e), and minibatch i of the run is chunk i mod k of pass
 * i / k. A chunk holds about N / k cases (between half the batch size and the batch size), the
 * same cases for any number of shards or machines. Each pass's chunk sizes are counted here once
 * (one hash per case), and each shard sorts its rows into the pass's chunks once.
 */
final class ShardedMinibatches implements MinibatchData {
    private final ShardedData data;
    private final int cases;
    private final int perEpoch;
    private final long seed;
    private int countedEpoch = -1;
    private long[] offsets;

    ShardedMinibatches(ShardedData data, int cases, int batchSize, long seed) {
        if (batchSize < Math.min(ShardedData.SMALLEST_MINIBATCH, cases))
            throw new IllegalArgumentException("minibatches of sharded data are hashed chunks and need a batch size >= "
                    + ShardedData.SMALLEST_MINIBATCH + " (or the whole " + cases + " cases), got " + batchSize);
        this.data = data;
        this.cases = cases;
        this.perEpoch = (int) ((cases + (long) Math.min(batchSize, cases) - 1) / Math.min(batchSize, cases));
        this.seed = seed;
    }

    @Override
    public int trainingSize() {
        return cases;
    }

    @Override
    public int perEpoch() {
        return perEpoch;
    }

    @Override
    public Minibatch at(long index) {
        if (index < 0) throw new IllegalArgumentException("minibatch index must be >= 0, got " + index);
        int epoch = Math.toIntExact(index / perEpoch), chunk = (int) (index % perEpoch);
        if (perEpoch == 1) return new Minibatch(CaseSelection.ALL, cases, epoch, 0);
        long[] before = offsets(epoch);
        int size = Math.toIntExact(before[chunk + 1] - before[chunk]);
        if (size == 0) throw new IllegalStateException("minibatch " + chunk + " of pass " + epoch + " holds no cases; use a larger batch size");
        return new Minibatch(new CaseSelection(chunk, perEpoch, epochSeed(epoch)), size, epoch, before[chunk]);
    }

    @Override
    public Gradient gradient(Params theta, Minibatch minibatch) {
        if (!(minibatch.cases() instanceof CaseSelection selection))
            throw new IllegalArgumentException("sharded minibatches cannot evaluate " + minibatch.cases() + ": it names no selection of the shards");
        return data.gradientOnce(theta, selection, minibatch.size());
    }

    /** Cases of pass {@code epoch} before each chunk (prefix sums, one entry more than chunks). */
    private long[] offsets(int epoch) {
        if (epoch != countedEpoch) {
            long[] prefix = new long[perEpoch + 1];
            long s = epochSeed(epoch);
            for (long i = 0; i < cases; i++) prefix[CaseSelection.chunkOf(i, perEpoch, s) + 1]++;
            for (int c = 0; c < perEpoch; c++) prefix[c + 1] += prefix[c];
            offsets = prefix;
            countedEpoch = epoch;
        }
        return offsets;
    }

    private long epochSeed(int epoch) {
        return Seeds.mix(seed, epoch);
    }
}
