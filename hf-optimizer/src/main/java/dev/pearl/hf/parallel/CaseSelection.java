package dev.pearl.hf.parallel;

import dev.pearl.hf.train.Seeds;

import java.io.Serializable;

/**
 * The cases of sharded data that one evaluation uses: of the cases with index below
 * {@code limit} in the training set (and in the selection {@code within}, if any), all of them,
 * or chunk {@code chunk} of {@code chunks}, chosen by a seeded hash of each case's index. A case's
 * chunk depends on its index alone, so the chunks are the same however the cases are cut into
 * shards. Stochastic HF nests them: its curvature cases are a chunk of its gradient chunk.
 *
 * @param chunk the selected chunk, in [0, chunks)
 * @param chunks the number of chunks, &gt;= 1 (1: no chunking)
 * @param seed the seed of the hash
 * @param limit cases with this index or above are never selected, &gt;= 1
 * @param within a selection the cases must also lie in, or null
 *
 * @serial exclude
 */
public record CaseSelection(int chunk, int chunks, long seed, long limit, CaseSelection within) implements Cases, Serializable {
    /** Every case. */
    public static final CaseSelection ALL = new CaseSelection(0, 1, 0, Long.MAX_VALUE);

    /**
     * Checks the selection.
     *
     * @param chunk the selected chunk, in [0, chunks)
     * @param chunks the number of chunks, &gt;= 1
     * @param seed the seed of the hash
     * @param limit the bound on case indices, &gt;= 1
     * @param within a selection the cases must also lie in, or null
     * @throws IllegalArgumentException if a value is out of range
     */
    public CaseSelection {
        if (chunks < 1) throw new IllegalArgumentException("hashed chunks must be >= 1, got " + chunks);
        if (chunk < 0 || chunk >= chunks) throw new IllegalArgumentException("hashed chunk " + chunk + " of " + chunks + " does not exist");
        if (limit < 1) throw new IllegalArgumentException("a case selection needs cases below a limit >= 1, got " + limit);
    }

    /**
     * Chunk {@code chunk} of {@code chunks} of the cases below {@code limit}.
     *
     * @param chunk the selected chunk, in [0, chunks)
     * @param chunks the number of chunks, &gt;= 1
     * @param seed the seed of the hash
     * @param limit the bound on case indices, &gt;= 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public CaseSelection(int chunk, int chunks, long seed, long limit) {
        this(chunk, chunks, seed, limit, null);
    }

    /**
     * Chunk {@code chunk} of {@code chunks} of this selection's cases, by the hash of {@code seed}.
     *
     * @param chunk the selected chunk, in [0, chunks)
     * @param chunks the number of chunks, &gt;= 1
     * @param seed the seed of the hash (another than this selection's, or the chunk is not a random part of it)
     * @return the nested selection (this one when chunks is 1)
     * @throws IllegalArgumentException if a value is out of range
     */
    public CaseSelection subChunk(int chunk, int chunks, long seed) {
        if (chunks == 1 && chunk == 0) return this;
        return isAll() ? new CaseSelection(chunk, chunks, seed) : new CaseSelection(chunk, chunks, seed, Long.MAX_VALUE, this);
    }

    /**
     * Chunk {@code chunk} of {@code chunks} of all cases.
     *
     * @param chunk the selected chunk, in [0, chunks)
     * @param chunks the number of chunks, &gt;= 1
     * @param seed the seed of the hash
     * @throws IllegalArgumentException if a value is out of range
     */
    public CaseSelection(int chunk, int chunks, long seed) {
        this(chunk, chunks, seed, Long.MAX_VALUE);
    }

    /**
     * The first {@code count} cases.
     *
     * @param count the number of cases, &gt;= 1
     * @return the selection
     * @throws IllegalArgumentException if count is below 1
     */
    public static CaseSelection first(long count) {
        return new CaseSelection(0, 1, 0, count);
    }

    /**
     * Whether it takes every case of a shard it is given.
     *
     * @return whether there is one chunk, no limit and no enclosing selection
     */
    public boolean isAll() {
        return chunks == 1 && limit == Long.MAX_VALUE && within == null;
    }

    /**
     * Whether a case is selected.
     *
     * @param caseIndex the case's index in the training set
     * @return whether it lies below the limit, in the enclosing selection and in the chunk
     */
    public boolean contains(long caseIndex) {
        return caseIndex < limit && (within == null || within.contains(caseIndex))
                && (chunks == 1 || chunkOf(caseIndex, chunks, seed) == chunk);
    }

    /**
     * The chunk a case falls in when all cases are cut into {@code chunks} by the hash of {@code seed}.
     *
     * @param caseIndex the case's index in the training set
     * @param chunks the number of chunks, &gt;= 1
     * @param seed the seed of the hash
     * @return the chunk, in [0, chunks)
     */
    public static int chunkOf(long caseIndex, int chunks, long seed) {
        return Math.floorMod(Seeds.mix(seed, caseIndex), chunks);
    }

    /**
     * How many of the cases [from, from + count) it selects.
     *
     * @param from the first case's index in the training set
     * @param count the number of cases
     * @return how many are selected
     */
    public int count(long from, int count) {
        if (isAll()) return count;
        int selected = 0;
        for (int i = 0; i < count; i++) if (contains(from + i)) selected++;
        return selected;
    }
}
