package dev.pearl.examples.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two pictures of a training run: curves.png (train and test error against wall-clock time,
 * for one or several runs) and reconstructions.png (input images above their reconstructions).
 * Both are drawn off-screen, so they work on machines without a display.
 */
public final class Plots {
    public static final String CURVES_FILE = "curves.png";
    public static final String RECONSTRUCTIONS_FILE = "reconstructions.png";

    static {
        // Must be set before AWT first asks whether there is a display; an explicit setting wins.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Colours for successive runs, distinguishable in print and for most colour-blind readers. */
    private static final Color[] PALETTE = {
            new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
            new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), Color.DARK_GRAY};
    private static final int CHART_WIDTH = 900, CHART_HEIGHT = 600;
    private static final int FRAME = 0xC8C8C8;
    private static final String SQUARED_ERROR_AXIS = "error (squared error per case)";
    /** The error axis of a sequence task's runs (metrics.csv has test_solved). */
    public static final String UNSOLVED_AXIS = "error (fraction of sequences not solved)";
    /** The error axis of a classifier's runs (metrics.csv has test_accuracy). */
    public static final String MISCLASSIFIED_AXIS = "error (fraction of cases misclassified)";

    /** One run's error curves; NaN entries (errors not measured that iteration) are left out. */
    public record Run(String label, double[] seconds, double[] trainError, double[] testError) {
        public Run {
            if (seconds.length != trainError.length || seconds.length != testError.length)
                throw new IllegalArgumentException(label + ": " + seconds.length + " times but " + trainError.length
                        + " train and " + testError.length + " test errors");
        }

        /** The elapsed_s, train_error and test_error columns of a metrics.csv. */
        public static Run fromCsv(String label, Path metricsCsv) throws IOException {
            return fromTable(label, MetricsTable.read(metricsCsv));
        }

        /** The same columns of a table already read. */
        public static Run fromTable(String label, MetricsTable t) {
            return new Run(label, t.column("elapsed_s"), t.column("train_error"), t.column("test_error"));
        }
    }

    private Plots() {
    }

    /**
     * Draws train (solid) and test (dashed) error against elapsed seconds, one colour per run. With
     * logY the error axis is logarithmic and non-positive values are left out.
     */
    public static void writeErrorCurves(Path png, String title, List<Run> runs, boolean logY) throws IOException {
        writeErrorCurves(png, title, SQUARED_ERROR_AXIS, runs, logY);
    }

    /**
     * The label of the error axis for runs with these metrics tables: what their train_error
     * measures, told by the columns only that kind of run writes; "error" where the runs differ.
     *
     * @param tables the runs' metrics
     * @return the axis label
     */
    public static String errorAxis(List<MetricsTable> tables) {
        Set<String> axes = new HashSet<>();
        for (MetricsTable t : tables) {
            List<String> c = t.columns();
            axes.add(c.contains("test_solved") ? UNSOLVED_AXIS : c.contains("test_accuracy") ? MISCLASSIFIED_AXIS : SQUARED_ERROR_AXIS);
        }
        return axes.size() == 1 ? axes.iterator().next() : "error";
    }

    /** As {@link #writeErrorCurves(Path, String, List, boolean)}, with the error axis labelled {@code errorAxis}. */
    public static void writeErrorCurves(Path png, String title, String errorAxis, List<Run> runs, boolean logY) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Run run : runs) {
            data.addSeries(series(run.label() + " train", run.seconds(), run.trainError(), logY));
            data.addSeries(series(run.label() + " test", run.seconds(), run.testError(), logY));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "elapsed time (s)",
                errorAxis, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (logY) {
            ValueAxis linear = plot.getRangeAxis();
            LogAxis axis = new LogAxis(linear.getLabel());
            axis.setSmallestValue(1e-12);
            // Plain numbers (0.158, 0.2, 0.251) read more easily than fractional powers of ten.
            axis.setNumberFormatOverride(new SignificantDigits());
            axis.setLabelFont(linear.getLabelFont());
            axis.setTickLabelFont(linear.getTickLabelFont());
            axis.setLabelPaint(linear.getLabelPaint());
            axis.setTickLabelPaint(linear.getTickLabelPaint());
            plot.setRangeAxis(axis);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        BasicStroke solid = new BasicStroke(2f);
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{8f, 5f}, 0f);
        for (int r = 0; r < runs.size(); r++) {
            Color color = PALETTE[r % PALETTE.length];
            renderer.setSeriesPaint(2 * r, color);
            renderer.setSeriesPaint(2 * r + 1, color);
            renderer.setSeriesStroke(2 * r, solid);
            renderer.setSeriesStroke(2 * r + 1, dashed);
        }
        plot.setRenderer(renderer);
        createParent(png);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, CHART_WIDTH, CHART_HEIGHT);
    }

    /**
     * One line of {@link #writeLogTimeCurves}: a curve in a palette colour (by index; -1 black),
     * solid or dashed, thick or thin, named in the legend or not.
     */
    public record Line(String label, TimeCurve curve, int colour, boolean dashed, boolean thin, boolean inLegend) {
    }

    /**
     * Draws curves against elapsed seconds with both axes logarithmic, so that the first minute is
     * as readable as the last; non-positive and non-finite values are left out.
     */
    public static void writeLogTimeCurves(Path png, String title, String valueLabel, List<Line> lines) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            // Series keys must be unique; the legend hides the ones it does not name.
            data.addSeries(series(line.inLegend() ? line.label() : line.label() + " #" + i, line.curve().seconds(), line.curve().values(), true));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "elapsed time (s, log scale)", valueLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainAxis(logAxis(plot.getDomainAxis()));
        plot.setRangeAxis(logAxis(plot.getRangeAxis()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            float width = line.thin() ? 1f : 2.5f;
            renderer.setSeriesPaint(i, line.colour() < 0 ? Color.BLACK : PALETTE[line.colour() % PALETTE.length]);
            renderer.setSeriesStroke(i, line.dashed()
                    ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{8f, 5f}, 0f) : new BasicStroke(width));
            renderer.setSeriesVisibleInLegend(i, line.inLegend());
        }
        plot.setRenderer(renderer);
        createParent(png);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, CHART_WIDTH, CHART_HEIGHT);
    }

    private static LogAxis logAxis(ValueAxis linear) {
        LogAxis axis = new LogAxis(linear.getLabel());
        axis.setSmallestValue(1e-12);
        axis.setNumberFormatOverride(new SignificantDigits());
        axis.setLabelFont(linear.getLabelFont());
        axis.setTickLabelFont(linear.getTickLabelFont());
        axis.setLabelPaint(linear.getLabelPaint());
        axis.setTickLabelPaint(linear.getTickLabelPaint());
        return axis;
    }

    /** Error curves of several metrics.csv files, each labelled (e.g. "HF", "SGD"). */
    public static void writeErrorCurvesFromCsv(Path png, String title, List<String> labels, List<Path> metricsCsvFiles,
                                               boolean logY) throws IOException {
        writeErrorCurvesFromCsv(png, title, SQUARED_ERROR_AXIS, labels, metricsCsvFiles, logY);
    }

    /** As {@link #writeErrorCurvesFromCsv(Path, String, List, List, boolean)}, with the error axis labelled {@code errorAxis}. */
    public static void writeErrorCurvesFromCsv(Path png, String title, String errorAxis, List<String> labels, List<Path> metricsCsvFiles,
                                               boolean logY) throws IOException {
        if (labels.size() != metricsCsvFiles.size())
            throw new IllegalArgumentException(labels.size() + " labels for " + metricsCsvFiles.size() + " files");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) runs.add(Run.fromCsv(labels.get(i), metricsCsvFiles.get(i)));
        writeErrorCurves(png, title, errorAxis, runs, logY);
    }

    /** Square grey images (28×28 for 784 values), ten to a row; see the full overload. */
    public static void writeReconstructions(Path png, float[][] inputs, float[][] reconstructions) throws IOException {
        int dim = inputs.length == 0 ? 0 : inputs[0].length;
        int side = (int) Math.round(Math.sqrt(dim));
        if (side * side != dim) throw new IllegalArgumentException("images of " + dim + " values are not square; give width and height");
        writeReconstructions(png, inputs, reconstructions, side, side, 10);
    }

    /**
     * Draws inputs[i] directly above reconstructions[i], perRow pairs to a band, ink dark on white
     * (intensity 1 is black); values are clamped to [0, 1] and non-finite ones shown in red.
     */
    public static void writeReconstructions(Path png, float[][] inputs, float[][] reconstructions,
                                            int width, int height, int perRow) throws IOException {
        if (inputs.length != reconstructions.length)
            throw new IllegalArgumentException(inputs.length + " inputs but " + reconstructions.length + " reconstructions");
        if (inputs.length == 0) throw new IllegalArgumentException("no images to draw");
        if (perRow <= 0) throw new IllegalArgumentException("perRow must be positive, got " + perRow);
        int scale = 3, gap = 5, bandGap = 14, labelWidth = 110, margin = 10;
        int cell = width * scale + gap, bands = (inputs.length + perRow - 1) / perRow;
        int columns = Math.min(perRow, inputs.length);
        int imageWidth = margin + labelWidth + columns * cell + margin;
        int bandHeight = 2 * (height * scale + gap);
        int imageHeight = margin + bands * bandHeight + (bands - 1) * bandGap + margin;
        BufferedImage img = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, imageWidth, imageHeight);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int b = 0; b < bands; b++) {
                int top = margin + b * (bandHeight + bandGap);
                g.setColor(Color.BLACK);
                g.drawString("input", margin, top + height * scale / 2 + 5);
                g.drawString("reconstruction", margin, top + height * scale + gap + height * scale / 2 + 5);
                for (int k = 0; k < perRow && b * perRow + k < inputs.length; k++) {
                    int i = b * perRow + k, left = margin + labelWidth + k * cell;
                    drawImage(img, inputs[i], width, height, scale, left, top, "input " + i);
                    drawImage(img, reconstructions[i], width, height, scale, left, top + height * scale + gap, "reconstruction " + i);
                }
            }
        } finally {
            g.dispose();
        }
        createParent(png);
        if (!ImageIO.write(img, "png", png.toFile())) throw new IOException("no PNG writer available for " + png);
    }

    private static void drawImage(BufferedImage img, float[] pixels, int width, int height, int scale, int left, int top, String what) {
        if (pixels.length != width * height)
            throw new IllegalArgumentException(what + " has " + pixels.length + " values, expected " + width + "×" + height);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = pixels[r * width + c];
                int rgb;
                if (!Float.isFinite(v)) {
                    rgb = 0xFF0000;
                } else {
                    int grey = Math.round(255 * (1 - Math.max(0f, Math.min(1f, v))));
                    rgb = grey << 16 | grey << 8 | grey;
                }
                for (int dy = 0; dy < scale; dy++)
                    for (int dx = 0; dx < scale; dx++) img.setRGB(left + c * scale + dx, top + r * scale + dy, rgb);
            }
        }
        // A faint frame shows where each image ends against the white page.
        for (int x = left - 1; x <= left + width * scale; x++) {
            img.setRGB(x, top - 1, FRAME);
            img.setRGB(x, top + height * scale, FRAME);
        }
        for (int y = top - 1; y <= top + height * scale; y++) {
            img.setRGB(left - 1, y, FRAME);
            img.setRGB(left + width * scale, y, FRAME);
        }
    }

    private static XYSeries series(String key, double[] x, double[] y, boolean logY) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || (logY && y[i] <= 0)) continue;
            s.add(x[i], y[i]);
        }
        return s;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }

    /** Tick labels with three significant digits and no trailing zeros: 0.00125, 0.2, 15.8, 1000. */
    private static final class SignificantDigits extends NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            if (v == 0 || !Double.isFinite(v)) return to.append(v == 0 ? "0" : Double.toString(v));
            String s = Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6
                    ? new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString()
                    : String.format(Locale.ROOT, "%.2e", v);
            return to.append(s);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only formatted");
        }
    }
}
