package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.ValueAndGrad;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.precondition.GradientSquares;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.train.Seeds;

/**
 * The tasks {@link ShardedData} sends to shards. Each returns its shard's average over its
 * selected cases times the weight n_shard / n_selected, so the shards' results add up to the
 * average over all selected cases; a shard with none of them returns {@link Payload#none()}.
 */
final class ShardTasks {
    private ShardTasks() {
    }

    /**
     * What a step's curvature is: enough to prepare it again on a machine that lost it.
     *
     * @param step the HF step the curvature belongs to
     * @param kind the curvature matrix
     * @param selection the curvature cases
     * @param selectedCases how many cases the selection holds over all shards
     * @param structuralWeight λμ, the weight of structural damping (0: none)
     */
    record CurvatureSpec(long step, Curvature kind, CaseSelection selection, int selectedCases, double structuralWeight)
            implements java.io.Serializable {
    }

    private static double weight(Batch cases, int selectedCases) {
        return (double) cases.size() / selectedCases;
    }

    /**
     * [weighted data loss].
     *
     * @param selection the cases
     * @param selectedCases how many cases the selection holds over all shards
     */
    record Loss(CaseSelection selection, int selectedCases) implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            Batch cases = worker.selected(selection);
            if (cases == null) return Payload.none();
            return Payload.scalars(weight(cases, selectedCases) * worker.problem().loss(theta, cases));
        }
    }

    /**
     * [weighted data loss] and the weighted data-loss gradient.
     *
     * @param selection the cases
     * @param selectedCases how many cases the selection holds over all shards
     * @param once whether the selection is used once (a minibatch), so the shard does not keep its cases
     */
    record Gradient(CaseSelection selection, int selectedCases, boolean once) implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            Batch cases = once ? worker.selectedOnce(selection) : worker.selected(selection);
            if (cases == null) return Payload.none();
            ValueAndGrad<Params> vg = AD.valueAndGrad(p -> worker.problem().dataLoss(p, cases), theta);
            double w = weight(cases, selectedCases);
            return Payload.of(new double[]{w * vg.value().item()}, vg.grad(), w);
        }
    }

    /**
     * The weighted mean squared per-case gradients. Shard 0 draws with the step's seed (so one
     * shard reproduces the single-process estimate), shard s with a seed mixed from it and s.
     *
     * @param squares the estimator of the squared gradients
     * @param selection the cases
     * @param selectedCases how many cases the selection holds over all shards
     * @param seed the step's seed
     */
    record Squares(GradientSquares squares, CaseSelection selection, int selectedCases, long seed) implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            Batch cases = worker.selected(selection);
            if (cases == null) return Payload.none();
            long shardSeed = worker.index() == 0 ? seed : Seeds.mix(seed, worker.index());
            return Payload.of(new double[0], squares.meanSquares(worker.problem(), theta, cases, shardSeed), weight(cases, selectedCases));
        }
    }

    /**
     * Linearises the step's curvature on the shard; returns nothing.
     *
     * @param spec the step's curvature
     */
    record Prepare(CurvatureSpec spec) implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            worker.curvature(spec, theta);
            return Payload.none();
        }
    }

    /**
     * The weighted curvature product C v.
     *
     * @param spec the step's curvature
     */
    record Product(CurvatureSpec spec) implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            CurvatureProduct c = worker.curvature(spec, theta);
            if (c == null) return Payload.none();
            return Payload.of(new double[0], c.apply(vector), weight(worker.selected(spec.selection()), spec.selectedCases()));
        }
    }

    /**
     * [weighted vᵀ(λμS)v].
     *
     * @param spec the step's curvature
     */
    record StructuralTerm(CurvatureSpec spec) implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            CurvatureProduct c = worker.curvature(spec, theta);
            if (c == null) return Payload.none();
            return Payload.scalars(weight(worker.selected(spec.selection()), spec.selectedCases()) * c.structuralTerm(vector));
        }
    }

    /** Drops the shard's prepared curvature. */
    record Release() implements ShardTask {
        @Override
        public Payload run(ShardWorker worker, Params theta, Params vector) {
            worker.release();
            return Payload.none();
        }
    }
}
