package dev.pearl.hf.parallel;

import dev.pearl.hf.train.Seeds;

import java.io.Serializable;

/**
 * The cases of sharded data that one evaluation uses: of the cases with index below
 * {@code limit} in the training set, all of them, or curvature chunk {@code chunk} of
 * {@code chunks}, chosen by a seeded hash of each case's index. A case's chunk depends on its
 * index alone, so the chunks are the same however the cases are cut into shards.
 */
public record CaseSelection(int chunk, int chunks, long seed, long limit) implements Cases, Serializable {
    public static final CaseSelection ALL = new CaseSelection(0, 1, 0, Long.MAX_VALUE);

    public CaseSelection {
        if (chunks < 1) throw new IllegalArgumentException("curvature chunks must be >= 1, got " + chunks);
        if (chunk < 0 || chunk >= chunks) throw new IllegalArgumentException("curvature chunk " + chunk + " of " + chunks + " does not exist");
        if (limit < 1) throw new IllegalArgumentException("a case selection needs cases below a limit >= 1, got " + limit);
    }

    /** Chunk {@code chunk} of {@code chunks} of all cases. */
    public CaseSelection(int chunk, int chunks, long seed) {
        this(chunk, chunks, seed, Long.MAX_VALUE);
    }

    /** The first {@code count} cases. */
    public static CaseSelection first(long count) {
        return new CaseSelection(0, 1, 0, count);
    }

    /** Whether it takes every case of a shard it is given. */
    public boolean isAll() {
        return chunks == 1 && limit == Long.MAX_VALUE;
    }

    public boolean contains(long caseIndex) {
        return caseIndex < limit && (chunks == 1 || Math.floorMod(Seeds.mix(seed, caseIndex), chunks) == chunk);
    }

    /** How many of the cases [from, from + count) it selects. */
    public int count(long from, int count) {
        if (isAll()) return count;
        int selected = 0;
        for (int i = 0; i < count; i++) if (contains(from + i)) selected++;
        return selected;
    }
}
