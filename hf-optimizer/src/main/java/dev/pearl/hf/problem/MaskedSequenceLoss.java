package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Tensor;

/**
 * A per-step {@link Loss} (one of {@link Losses}) summed over the steps of a sequence that carry a
 * target and averaged over cases: L = (1/N) Σ_n Σ_{t: target} ℓ(z_{n,t}, y_{n,t}). Outputs and
 * targets are [cases, steps, outputs]; a step without a target holds NaN on all its outputs (the
 * long-term-dependency problems have a target at the last step only). Every case needs at least
 * one target. H_L is the step loss's, on the steps with targets, 0 elsewhere, so the pair still
 * matches and Gauss-Newton stays positive semi-definite.
 */
public final class MaskedSequenceLoss implements Loss {
    private final Loss step;
    private Tensor lastTargets;
    private SequenceTargets lastPlan;

    private MaskedSequenceLoss(Loss step) {
        this.step = step;
    }

    /**
     * The sequence form of a per-step loss.
     *
     * @param step the loss of one step's outputs, one of {@link Losses}
     * @return the sequence loss
     */
    public static MaskedSequenceLoss of(Loss step) {
        return new MaskedSequenceLoss(step);
    }

    /**
     * {@link Losses#squaredError()} per step.
     *
     * @return the sequence loss
     */
    public static MaskedSequenceLoss squaredError() {
        return of(Losses.squaredError());
    }

    /**
     * {@link Losses#logisticCrossEntropy()} per step.
     *
     * @return the sequence loss
     */
    public static MaskedSequenceLoss logisticCrossEntropy() {
        return of(Losses.logisticCrossEntropy());
    }

    /**
     * {@link Losses#softmaxCrossEntropy()} per step.
     *
     * @return the sequence loss
     */
    public static MaskedSequenceLoss softmaxCrossEntropy() {
        return of(Losses.softmaxCrossEntropy());
    }

    /**
     * The per-step loss.
     *
     * @return the loss given to {@link #of}
     */
    public Loss stepLoss() {
        return step;
    }

    @Override
    public String name() {
        return "masked sequence " + step.name();
    }

    @Override
    public Tensor value(Tensor z, Tensor targets) {
        SequenceTargets plan = plan(z, targets);
        // The step loss averages over the rows it sees; rescaled, every target row weighs 1/cases.
        return Ops.mul(step.value(select(z, plan), plan.targets), (double) plan.count() / plan.cases);
    }

    @Override
    public Tensor predict(Tensor z) {
        return step.predict(z);
    }

    @Override
    public Tensor hessianVector(Tensor z, Tensor targets, Tensor v) {
        SequenceTargets plan = plan(z, targets);
        Loss.checkTargets(name(), z, v);
        Tensor hv = Ops.mul(step.hessianVector(select(z, plan), plan.targets, select(v, plan)), (double) plan.count() / plan.cases);
        int rows = plan.cases * plan.steps;
        if (plan.rows != null) hv = Ops.scatterAdd(hv, 0, plan.rows, rows);
        return Ops.reshape(hv, plan.cases, plan.steps, plan.outputs);
    }

    /** The rows of x [cases, steps, outputs] that carry a target, as [rows, outputs]. */
    private static Tensor select(Tensor x, SequenceTargets plan) {
        Tensor flat = Ops.reshape(x, plan.cases * plan.steps, plan.outputs);
        return plan.rows == null ? flat : Ops.gather(flat, 0, plan.rows);
    }

    /** The targets' layout, parsed once per targets tensor (a batch's targets are reused across calls). */
    private synchronized SequenceTargets plan(Tensor z, Tensor targets) {
        Loss.checkTargets(name(), z, targets);
        if (targets != lastTargets || lastPlan == null || lastPlan.dtype != z.dtype()) {
            lastPlan = SequenceTargets.of(targets, z.dtype(), name());
            lastTargets = targets;
        }
        return lastPlan;
    }
}
