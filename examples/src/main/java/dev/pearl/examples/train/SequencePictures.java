package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.Plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A sequence task's picture: DIR/curves.png, the train and test fractions of sequences not
 * solved against time (from metrics.csv), redrawn at most every
 * {@link RunPictures#MIN_INTERVAL_SECONDS} while training runs and once at the end.
 */
final class SequencePictures implements Pictures {
    private final Path dir;
    private final String title;
    private final String label;
    private long lastDrawn = Long.MIN_VALUE;

    SequencePictures(Path dir, String title, String label) {
        this.dir = dir;
        this.title = title;
        this.label = label;
    }

    @Override
    public void refresh(Params theta) throws IOException {
        if (lastDrawn != Long.MIN_VALUE && System.nanoTime() - lastDrawn < RunPictures.MIN_INTERVAL_SECONDS * 1e9) return;
        draw(theta);
    }

    @Override
    public void draw(Params theta) throws IOException {
        Plots.writeErrorCurvesFromCsv(dir.resolve(Plots.CURVES_FILE), title, Plots.UNSOLVED_AXIS, List.of(label),
                List.of(dir.resolve(MetricsCsv.FILE_NAME)), false);
        lastDrawn = System.nanoTime();
    }
}
