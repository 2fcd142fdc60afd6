package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

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

    public static MaskedSequenceLoss of(Loss step) {
        return new MaskedSequenceLoss(step);
    }

    public static MaskedSequenceLoss squaredError() {
        return of(Losses.squaredError());
    }

    public static MaskedSequenceLoss logisticCrossEntropy() {
        return of(Losses.logisticCrossEntropy());
    }

    public static MaskedSequenceLoss softmaxCrossEntropy() {
        return of(Losses.softmaxCrossEntropy());
    }

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
        Tensor total = null;
        for (SequenceTargets.Step s : plan.withTargets) {
            Tensor part = Ops.mul(step.value(select(z, s, plan), s.targets()), (double) s.cases().length / plan.cases);
            total = total == null ? part : Ops.add(total, part);
        }
        return total;
    }

    @Override
    public Tensor predict(Tensor z) {
        return step.predict(z);
    }

    @Override
    public Tensor hessianVector(Tensor z, Tensor targets, Tensor v) {
        SequenceTargets plan = plan(z, targets);
        Loss.checkTargets(name(), z, v);
        List<Tensor> perStep = new ArrayList<>(plan.steps);
        Tensor zeros = null;
        int next = 0;
        for (int t = 0; t < plan.steps; t++) {
            SequenceTargets.Step s = next < plan.withTargets.length && plan.withTargets[next].step() == t ? plan.withTargets[next++] : null;
            Tensor h;
            if (s == null) {
                if (zeros == null) zeros = Ops.zeros(Shape.of(plan.cases, 1, plan.outputs), z.dtype(), z.backend());
                h = zeros;
            } else {
                Tensor hs = Ops.mul(step.hessianVector(select(z, s, plan), s.targets(), select(v, s, plan)), (double) s.cases().length / plan.cases);
                if (s.selection() != null) hs = Ops.matmul(s.selection(), hs, true, false);
                h = Ops.reshape(hs, plan.cases, 1, plan.outputs);
            }
            perStep.add(h);
        }
        return Ops.concat(perStep, 1);
    }

    /** Rows of step t of x [cases, steps, outputs] that carry a target, as [k, outputs]. */
    private static Tensor select(Tensor x, SequenceTargets.Step s, SequenceTargets plan) {
        Tensor atStep = Ops.reshape(Ops.slice(x, 1, s.step(), s.step() + 1), plan.cases, plan.outputs);
        return s.selection() == null ? atStep : Ops.matmul(s.selection(), atStep);
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
