package dev.pearl.examples.train;

import dev.pearl.examples.train.SetMeasure.Measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a model measured by the fraction of cases it gets right (LeNet's accuracy, the
 * RNN's solved sequences), whose errors are the fractions it gets wrong. metrics.csv adds
 * test_loss, train_WORD and test_WORD; the progress line shows both losses and both fractions in
 * percent; the run ends with "train WORD 91.20%, test WORD 89.85%".
 *
 * @param word    the fraction's name in the columns and the closing line: "accuracy", "solved"
 * @param heading its name in the progress line's headings, at most 5 characters: "acc", "ok"
 */
record FractionReport(String word, String heading) implements RunReport {
    FractionReport {
        if (heading.length() > 5) throw new IllegalArgumentException("heading '" + heading + "' is wider than its column");
    }

    /** The model's own columns: test_loss, train_WORD, test_WORD. */
    List<String> measureColumns() {
        return List.of("test_loss", "train_" + word, "test_" + word);
    }

    @Override
    public List<String> extraColumns() {
        List<String> columns = new ArrayList<>(Trainer.EXTRA_COLUMNS);
        columns.addAll(measureColumns());
        return columns;
    }

    @Override
    public Map<String, Object> measureCells(Measurement train, Measurement test) {
        return Map.of("test_loss", test.loss(), "train_" + word, 1 - train.error(), "test_" + word, 1 - test.error());
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%10s %9s %10s %9s", "train loss", "train " + heading, "test loss", "test " + heading);
    }

    @Override
    public String progress(Measurement train, Measurement test) {
        return String.format(Locale.ROOT, "%10s %9s %10s %9s", Format.error(train.loss()), percent(1 - train.error()),
                Format.error(test.loss()), percent(1 - test.error()));
    }

    @Override
    public String outcome(Measurement train, Measurement test) {
        return "train " + word + " " + percent(1 - train.error()) + ", test " + word + " " + percent(1 - test.error());
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
