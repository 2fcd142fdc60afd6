package dev.pearl.examples.train;

import dev.pearl.examples.train.SetMeasure.Measurement;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The auto-encoders' report: the reconstruction errors alone, as the standard columns of metrics.csv already hold them. */
final class SquaredErrorReport implements RunReport {
    @Override
    public List<String> extraColumns() {
        return Trainer.EXTRA_COLUMNS;
    }

    @Override
    public Map<String, Object> measureCells(Measurement train, Measurement test) {
        return Map.of();
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%10s %10s", "train err", "test err");
    }

    @Override
    public String progress(Measurement train, Measurement test) {
        return String.format(Locale.ROOT, "%10s %10s", Format.error(train.error()), Format.error(test.error()));
    }

    @Override
    public String outcome(Measurement train, Measurement test) {
        return "train error " + Format.error(train.error()) + ", test error " + Format.error(test.error());
    }
}
