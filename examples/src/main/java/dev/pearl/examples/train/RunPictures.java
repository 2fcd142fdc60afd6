package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.Plots;
import dev.pearl.nn.Mlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * DIR/curves.png (train and test error against time, from metrics.csv) and
 * DIR/reconstructions.png (the first test images above their reconstructions), redrawn at most
 * every {@link #MIN_INTERVAL_SECONDS} while training runs and once at the end.
 */
final class RunPictures implements Pictures {
    static final double MIN_INTERVAL_SECONDS = 15;
    static final int RECONSTRUCTIONS_SHOWN = 10;

    private final Path dir;
    private final String title;
    private final String label;
    private final Mlp mlp;
    private final TrainingData data;
    private final float[][] shownInputs;
    private long lastDrawn = Long.MIN_VALUE;

    RunPictures(Path dir, String title, String label, Mlp mlp, TrainingData data) {
        this.dir = dir;
        this.title = title;
        this.label = label;
        this.mlp = mlp;
        this.data = data;
        int shown = Math.min(RECONSTRUCTIONS_SHOWN, data.testSize());
        this.shownInputs = data.sets().test().rows(0, shown);
    }

    /** Draws both pictures when the last drawing is old enough. */
    @Override
    public void refresh(Params theta) throws IOException {
        long now = System.nanoTime();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < MIN_INTERVAL_SECONDS * 1e9) return;
        draw(theta);
    }

    @Override
    public void draw(Params theta) throws IOException {
        Plots.writeErrorCurvesFromCsv(dir.resolve(Plots.CURVES_FILE), title, List.of(label), List.of(dir.resolve(MetricsCsv.FILE_NAME)), true);
        if (isSquareImage(data.dim())) {
            float[][] reconstructions = ReconstructionError.reconstruct(mlp, theta, data.test(), shownInputs.length);
            Plots.writeReconstructions(dir.resolve(Plots.RECONSTRUCTIONS_FILE), shownInputs, reconstructions);
        }
        lastDrawn = System.nanoTime();
    }

    private static boolean isSquareImage(int dim) {
        int side = (int) Math.round(Math.sqrt(dim));
        return side * side == dim;
    }
}
