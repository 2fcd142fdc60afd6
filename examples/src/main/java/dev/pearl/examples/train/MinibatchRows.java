package dev.pearl.examples.train;

import dev.pearl.hf.sgd.MinibatchIteration;
import dev.pearl.hf.train.TrainingState;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The rows of a minibatch method (SGD, Nesterov, RMSProp, Adam): the round's mean batch objective, updates, epochs, step size and momentum. */
final class MinibatchRows<S extends TrainingState> implements RowFormat<S, MinibatchIteration> {
    private final int trainSize;

    MinibatchRows(int trainSize) {
        this.trainSize = trainSize;
    }

    @Override
    public IterationDetails initial(S state) {
        return new IterationDetails(Double.NaN, Double.NaN, 0, Map.of("updates", 0, "epochs", 0.0), "");
    }

    @Override
    public IterationDetails details(Rounds.Round<MinibatchIteration> r) {
        MinibatchIteration last = r.last();
        double loss = r.steps().stream().mapToDouble(MinibatchIteration::loss).average().orElseThrow();
        double objective = r.steps().stream().mapToDouble(MinibatchIteration::objective).average().orElseThrow();
        double epochs = (double) last.casesSeen() / trainSize;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("batch_objective", objective);
        extra.put("updates", last.iteration());
        extra.put("epochs", epochs);
        extra.put("learning_rate", last.learningRate());
        extra.put("momentum", last.momentum());
        String progress = String.format(Locale.ROOT, "%8d %7.1f %11s%s", last.iteration(), epochs, Format.number(loss),
                r.rejected() > 0 ? "  (" + r.rejected() + " non-finite updates skipped)" : "");
        return new IterationDetails(Double.NaN, Double.NaN, 0, extra, progress);
    }

    @Override
    public String header() {
        return String.format(Locale.ROOT, "%8s %7s %11s", "updates", "epochs", "batch loss");
    }
}
