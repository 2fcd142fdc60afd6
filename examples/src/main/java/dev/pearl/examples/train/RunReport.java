package dev.pearl.examples.train;

import dev.pearl.examples.train.SetMeasure.Measurement;

import java.util.List;
import java.util.Map;

/** How a model's measurements are reported: its columns of metrics.csv, its part of the progress line and its closing words. */
interface RunReport {
    /** The columns of metrics.csv beyond the standard ones: {@link Trainer#EXTRA_COLUMNS}, then the model's own. */
    List<String> extraColumns();

    /** The model's values of its own {@link #extraColumns} (those beyond {@link Trainer#EXTRA_COLUMNS}). */
    Map<String, Object> measureCells(Measurement train, Measurement test);

    /** Column headings of {@link #progress}, as wide as its values. */
    String progressHeader();

    /** The measurements in a progress line. */
    String progress(Measurement train, Measurement test);

    /** "train error 3.11, test error 3.24" or "train accuracy 91.20%, test accuracy 89.85%". */
    String outcome(Measurement train, Measurement test);
}
