package dev.pearl.hf.parallel;

import dev.pearl.hf.train.Seeds;

import java.io.Serializable;

/**
 * The cases of sharded data that one evaluation uses: all of them, or curvature chunk
 * {@code chunk} of {@code chunks}, chosen by a seeded hash of each case's index in the training
 * set. A case's chunk depends on its index alone, so the chunks are the same however the cases
 * are cut into shards.
 */
public record CaseSelection(int chunk, int chunks, long seed) implements Cases, Serializable {
    public static final CaseSelection ALL = new CaseSelection(0, 1, 0);

    public CaseSelection {
        if (chunks < 1) throw new IllegalArgumentException("curvature chunks must be >= 1, got " + chunks);
        if (chunk < 0 || chunk >= chunks) throw new IllegalArgumentException("curvature chunk " + chunk + " of " + chunks + " does not exist");
    }

    public boolean contains(long caseIndex) {
        return chunks == 1 || Math.floorMod(Seeds.mix(seed, caseIndex), chunks) == chunk;
    }

    /** How many of the cases [from, from + count) it selects. */
    public int count(long from, int count) {
        if (chunks == 1) return count;
        int selected = 0;
        for (int i = 0; i < count; i++) if (contains(from + i)) selected++;
        return selected;
    }
}
