package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.report.ConfusionPlot;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.Plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A classifier's pictures: DIR/curves.png (train and test error rates against time, from
 * metrics.csv), redrawn at most every {@link RunPictures#MIN_INTERVAL_SECONDS} while training
 * runs, and at the end also DIR/confusion.png, the test set's confusion matrix at the last
 * measurement.
 */
final class ClassifierPictures implements Pictures {
    private final Path dir;
    private final String title;
    private final String label;
    private final ClassificationError test;
    private long lastDrawn = Long.MIN_VALUE;

    ClassifierPictures(Path dir, String title, String label, ClassificationError test) {
        this.dir = dir;
        this.title = title;
        this.label = label;
        this.test = test;
    }

    @Override
    public void refresh(Params theta) throws IOException {
        long now = System.nanoTime();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < RunPictures.MIN_INTERVAL_SECONDS * 1e9) return;
        drawCurves();
    }

    /** The curves, and the confusion matrix of the test set's last measurement (the session measures θ before it ends). */
    @Override
    public void draw(Params theta) throws IOException {
        drawCurves();
        if (test.confusion() != null)
            ConfusionPlot.write(dir.resolve(ConfusionPlot.FILE), title + ": test set", test.confusion());
    }

    private void drawCurves() throws IOException {
        Plots.writeErrorCurvesFromCsv(dir.resolve(Plots.CURVES_FILE), title, Plots.MISCLASSIFIED_AXIS, List.of(label),
                List.of(dir.resolve(MetricsCsv.FILE_NAME)), false);
        lastDrawn = System.nanoTime();
    }
}
