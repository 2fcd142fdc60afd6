package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdIteration;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.Optimizer;
import dev.pearl.hf.train.Step;

import java.util.function.Consumer;

/**
 * Momentum SGD in rounds of a fixed number of minibatch updates. Measuring errors after every
 * single update would cost more than training, so the training run sees one round as one iteration.
 */
final class SgdRounds implements Optimizer<SgdRoundState, SgdRound> {
    private final MomentumSgd sgd;
    private final int updatesPerRound;
    private final int trainSize;

    SgdRounds(MomentumSgd sgd, int updatesPerRound, int trainSize) {
        this.sgd = sgd;
        this.updatesPerRound = updatesPerRound;
        this.trainSize = trainSize;
    }

    @Override
    public SgdRoundState start(Params initial) {
        return new SgdRoundState(sgd.start(initial), 0);
    }

    @Override
    public Step<SgdRoundState, SgdRound> step(SgdRoundState state, Consumer<CgProgress> ignored) {
        long t0 = System.nanoTime();
        SgdState s = state.sgd();
        double loss = 0, objective = 0, momentum = 0;
        int rejected = 0;
        long cases = 0;
        for (int u = 0; u < updatesPerRound; u++) {
            Step<SgdState, SgdIteration> step = sgd.step(s);
            s = step.state();
            loss += step.report().loss();
            objective += step.report().objective();
            momentum = step.report().momentum();
            cases = step.report().casesSeen();
            if (!step.report().accepted()) rejected++;
        }
        SgdRoundState next = new SgdRoundState(s, state.iteration() + 1);
        SgdRound report = new SgdRound(next.iteration(), loss / updatesPerRound, objective / updatesPerRound, s.iteration(),
                (double) cases / trainSize, sgd.options().learningRate(), momentum, rejected, (System.nanoTime() - t0) * 1e-9);
        return new Step<>(next, report);
    }
}
