package dev.pearl.examples.report;

import dev.pearl.examples.report.MetricsCsv.Row;
import dev.pearl.examples.report.Plots.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {
    private static final int BLUE = 0x0072B2, VERMILLION = 0xD55E00, FRAME = 0xC8C8C8;

    @TempDir
    Path dir;

    private static Path metrics(Path runDir, double scale) throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(runDir, List.of())) {
            for (int i = 1; i <= 40; i++) {
                double train = scale * 50 / Math.sqrt(i), test = i % 5 == 0 ? scale * 60 / Math.sqrt(i) : Double.NaN;
                csv.append(new Row(i, 3.0 * i, train, train, test, 1.0, 0.5, 20));
            }
        }
        return runDir.resolve(MetricsCsv.FILE_NAME);
    }

    private static boolean contains(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) return true;
        return false;
    }

    @Test
    void errorCurvesOfTwoRunsAreDrawnInTheirOwnColours() throws IOException {
        Path hf = metrics(dir.resolve("hf"), 1), sgd = metrics(dir.resolve("sgd"), 3);
        for (boolean logY : new boolean[]{false, true}) {
            Path png = dir.resolve("curves-" + logY + ".png");
            Plots.writeErrorCurvesFromCsv(png, "CURVES auto-encoder", List.of("HF", "SGD"), List.of(hf, sgd), logY);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(900, img.getWidth());
            assertEquals(600, img.getHeight());
            assertTrue(contains(img, BLUE), "first run's colour missing");
            assertTrue(contains(img, VERMILLION), "second run's colour missing");
        }
    }

    @Test
    void theErrorAxisSaysWhatTheRunsMeasure() throws IOException {
        MetricsTable images = table("images", List.of());
        MetricsTable sequences = table("sequences", List.of("train_solved", "test_solved"));
        MetricsTable classes = table("classes", List.of("train_accuracy", "test_accuracy"));
        assertEquals("error (squared error per case)", Plots.errorAxis(List.of(images)));
        assertEquals(Plots.UNSOLVED_AXIS, Plots.errorAxis(List.of(sequences, sequences)));
        assertEquals(Plots.MISCLASSIFIED_AXIS, Plots.errorAxis(List.of(classes)));
        assertEquals("error", Plots.errorAxis(List.of(sequences, classes)));
    }

    private MetricsTable table(String name, List<String> extraColumns) throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir.resolve(name), extraColumns)) {
            return MetricsTable.read(csv.file());
        }
    }

    @Test
    void logScaleSkipsNonPositiveErrors() throws IOException {
        Run run = new Run("zero", new double[]{1, 2, 3}, new double[]{0, 1, 0.5}, new double[]{-1, Double.NaN, 0.7});
        Path png = dir.resolve("log.png");
        Plots.writeErrorCurves(png, "log", List.of(run), true);
        assertTrue(contains(ImageIO.read(png.toFile()), BLUE));
    }

    @Test
    void eachInputIsDrawnAboveItsReconstruction() throws IOException {
        int n = 13;
        float[][] inputs = new float[n][784], recon = new float[n][784];
        for (float[] img : inputs) Arrays.fill(img, 1f); // full ink: black
        Path png = dir.resolve("reconstructions.png");
        Plots.writeReconstructions(png, inputs, recon);
        BufferedImage img = ImageIO.read(png.toFile());
        // Walk down a column through the first image of each band: runs of equal colour.
        int x = findFirstBlackColumn(img) + 40;
        List<int[]> runs = new ArrayList<>(); // {rgb, length}
        for (int y = 0; y < img.getHeight(); y++) {
            int rgb = img.getRGB(x, y) & 0xFFFFFF;
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[0] == rgb) runs.get(runs.size() - 1)[1]++;
            else runs.add(new int[]{rgb, 1});
        }
        // 13 pairs at ten to a band make two bands: black input, then a white (empty) reconstruction
        // of the same height below it, each framed in grey.
        int bands = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i)[0] != 0) continue;
            bands++;
            int height = runs.get(i)[1];
            assertEquals(28 * (height / 28), height, "input height is a multiple of 28");
            boolean reconstructionBelow = false;
            for (int j = i + 1; j + 1 < runs.size() && runs.get(j)[0] != 0; j++)
                if (runs.get(j)[0] == 0xFFFFFF && runs.get(j)[1] == height && runs.get(j - 1)[0] == FRAME && runs.get(j + 1)[0] == FRAME)
                    reconstructionBelow = true;
            assertTrue(reconstructionBelow, "no framed white reconstruction of height " + height + " below input band " + bands);
        }
        assertEquals(2, bands, "bands");
    }

    @Test
    void reconstructionsRejectMismatchedInputs() {
        assertThrows(IllegalArgumentException.class,
                () -> Plots.writeReconstructions(dir.resolve("x.png"), new float[2][784], new float[3][784]));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.writeReconstructions(dir.resolve("x.png"), new float[2][784], new float[][]{new float[784], new float[10]}));
    }

    private static int findFirstBlackColumn(BufferedImage img) {
        // The label text is black too, so look right of the label area.
        for (int x = 120; x < img.getWidth(); x++)
            for (int y = 0; y < img.getHeight(); y++) if ((img.getRGB(x, y) & 0xFFFFFF) == 0) return x;
        return -1;
    }
}
