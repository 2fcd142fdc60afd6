package dev.pearl.examples.train;

import dev.pearl.hf.lbfgs.LbfgsIteration;
import dev.pearl.hf.lbfgs.LbfgsState;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * L-BFGS's rows: the batch objective and step length of a round's last step, and the gradients
 * computed so far as epochs (cases evaluated, line searches included, over the training set size).
 */
final class LbfgsRows implements RowFormat<LbfgsState, LbfgsIteration> {
    private final int trainSize;

    LbfgsRows(int trainSize) {
        this.trainSize = trainSize;
    }

    @Override
    public IterationDetails initial(LbfgsState state) {
        return new IterationDetails(Double.NaN, Double.NaN, 0, Map.of("updates", state.iteration(), "epochs", 0.0), "");
    }

    @Override
    public IterationDetails details(Rounds.Round<LbfgsIteration> r) {
        LbfgsIteration last = r.last();
        double epochs = (double) last.casesEvaluated() / trainSize;
        int evaluations = r.steps().stream().mapToInt(LbfgsIteration::evaluations).sum();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("step", last.stepSize());
        extra.put("batch_objective", last.objective());
        extra.put("updates", last.iteration());
        extra.put("epochs", epochs);
        String progress = String.format(Locale.ROOT, "%8d %7.1f %11s %9s %5d%s", last.iteration(), epochs, Format.number(last.loss()),
                Format.number(last.stepSize()), evaluations, r.rejected() > 0 ? "  (" + r.rejected() + " steps rejected)" : "");
        return new IterationDetails(Double.NaN, Double.NaN, 0, extra, progress);
    }

    @Override
    public String header() {
        return String.format(Locale.ROOT, "%8s %7s %11s %9s %5s", "updates", "epochs", "batch loss", "step", "evals");
    }
}
