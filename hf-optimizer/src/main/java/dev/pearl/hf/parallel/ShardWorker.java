package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One shard where it lives: its cases as a batch, the problem rebuilt next to them, the selected
 * sub-batches, and the curvature prepared for the current step, which every product of that step's
 * CG solve reuses (so no product repeats the forward pass).
 */
public final class ShardWorker {
    private final Shard shard;
    private final Batch batch;
    private final Problem problem;
    /** Kept selections; empty where the shard holds none of the cases (so it is not searched again). */
    private final Map<CaseSelection, Optional<Batch>> selected = new HashMap<>();
    private Pass pass;
    private long preparedStep = -1;
    private CurvatureProduct prepared;

    /**
     * A worker for one shard; the shard's cases are made into a batch now.
     *
     * @param shard the cases
     * @param problem the problem evaluated on them
     */
    public ShardWorker(Shard shard, Problem problem) {
        this.shard = shard;
        this.batch = shard.batch();
        this.problem = problem;
    }

    /**
     * The problem evaluated on the shard.
     *
     * @return the problem given to the constructor
     */
    public Problem problem() {
        return problem;
    }

    /**
     * The shard's position among the shards.
     *
     * @return the shard's index
     */
    public int index() {
        return shard.index();
    }

    /**
     * The shard's cases in the selection, or null when it holds none of them.
     *
     * @param selection the cases wanted, by training-set index
     * @return the selected cases (kept for the next call), or null
     */
    public synchronized Batch selected(CaseSelection selection) {
        if (selection.isAll()) return batch;
        return selected.computeIfAbsent(selection, s -> Optional.ofNullable(gather(s))).orElse(null);
    }

    /**
     * The shard's cases in a selection used once (a minibatch), not kept, or null when it holds none
     * of them. The rows of every chunk of the selection's pass are sorted out together, one hash per
     * case, and kept until another pass is asked for.
     *
     * @param selection the cases wanted, by training-set index
     * @return the selected cases, or null
     */
    public synchronized Batch selectedOnce(CaseSelection selection) {
        if (selection.isAll()) return batch;
        Optional<Batch> kept = selected.get(selection);
        if (kept != null) return kept.orElse(null);
        if (selection.limit() != Long.MAX_VALUE || selection.within() != null) return gather(selection);
        if (pass == null || pass.chunks != selection.chunks() || pass.seed != selection.seed()) pass = new Pass(selection.chunks(), selection.seed());
        int[] rows = pass.rows[selection.chunk()];
        return rows.length == 0 ? null : batch.rows(rows);
    }

    /** The shard's rows by chunk, for one pass of hashed chunks. */
    private final class Pass {
        final int chunks;
        final long seed;
        final int[][] rows;

        Pass(int chunks, long seed) {
            this.chunks = chunks;
            this.seed = seed;
            int[] chunkOf = new int[shard.size()], counts = new int[chunks];
            for (int i = 0; i < chunkOf.length; i++) counts[chunkOf[i] = CaseSelection.chunkOf(shard.firstCase() + i, chunks, seed)]++;
            rows = new int[chunks][];
            for (int c = 0; c < chunks; c++) rows[c] = new int[counts[c]];
            int[] filled = new int[chunks];
            for (int i = 0; i < chunkOf.length; i++) rows[chunkOf[i]][filled[chunkOf[i]]++] = i;
        }
    }

    private Batch gather(CaseSelection sel) {
        int[] rows = new int[sel.count(shard.firstCase(), shard.size())];
        int k = 0;
        for (int i = 0; i < shard.size(); i++) if (sel.contains(shard.firstCase() + i)) rows[k++] = i;
        return rows.length == 0 ? null : batch.rows(rows);
    }

    /**
     * The curvature of the given step, linearised at θ on first use and kept until another step asks.
     *
     * @param spec the step, its curvature kind, cases and structural weight
     * @param theta the parameters at that step
     * @return the prepared products, or null when the shard holds none of the step's curvature cases
     */
    public synchronized CurvatureProduct curvature(ShardTasks.CurvatureSpec spec, Params theta) {
        if (preparedStep != spec.step()) {
            Batch cases = selected(spec.selection());
            prepared = cases == null ? null : spec.kind().at(problem, theta, cases, spec.structuralWeight());
            preparedStep = spec.step();
        }
        return prepared;
    }

    /** Drops the prepared curvature (the solve is over). */
    public synchronized void release() {
        prepared = null;
        preparedStep = -1;
    }
}
