package dev.pearl.examples.report;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * confusion.png: a classifier's confusion matrix as a table image, one row per true class and one
 * column per predicted class, each cell holding its count and shaded by its share of the row (so
 * the diagonal shows each class's recall); each row's recall and the overall accuracy are written
 * beside it. Drawn off-screen, so it works on machines without a display.
 */
public final class ConfusionPlot {
    public static final String FILE = "confusion.png";

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static final int CELL = 56, MARGIN = 16, LABEL = 70, TITLE = 34, RECALL = 80;
    private static final Color INK = new Color(0x08, 0x30, 0x6B), PALE = Color.WHITE;

    private ConfusionPlot() {
    }

    /** counts[true class][predicted class], a square table of non-negative counts. */
    public static void write(Path png, String title, long[][] counts) throws IOException {
        int n = counts.length;
        if (n == 0) throw new IllegalArgumentException("confusion matrix: no classes");
        long total = 0, right = 0;
        for (int r = 0; r < n; r++) {
            if (counts[r].length != n)
                throw new IllegalArgumentException("confusion matrix: row " + r + " has " + counts[r].length + " cells for " + n + " classes");
            for (long c : counts[r]) {
                if (c < 0) throw new IllegalArgumentException("confusion matrix: negative count " + c + " in row " + r);
                total += c;
            }
            right += counts[r][r];
        }
        int left = MARGIN + LABEL, top = MARGIN + TITLE + 20;
        int width = left + n * CELL + RECALL + MARGIN, height = top + n * CELL + 40 + MARGIN;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            String accuracy = total == 0 ? "no cases" : String.format(Locale.ROOT, "accuracy %.2f%% of %d", 100.0 * right / total, total);
            g.drawString(title + " (" + accuracy + ")", MARGIN, MARGIN + 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString("predicted class", left + n * CELL / 2 - 45, top - 22);
            g.drawString("true class", MARGIN, top - 6);
            g.drawString("recall", left + n * CELL + 12, top - 6);
            for (int c = 0; c < n; c++) centered(g, Integer.toString(c), left + c * CELL, top - 6, CELL);
            for (int r = 0; r < n; r++) {
                long rowTotal = 0;
                for (long c : counts[r]) rowTotal += c;
                int y = top + r * CELL;
                g.setColor(Color.BLACK);
                centered(g, Integer.toString(r), MARGIN, y + CELL / 2 + 5, LABEL / 2);
                for (int c = 0; c < n; c++) {
                    double share = rowTotal == 0 ? 0 : (double) counts[r][c] / rowTotal;
                    g.setColor(blend(share));
                    g.fillRect(left + c * CELL, y, CELL, CELL);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    centered(g, Long.toString(counts[r][c]), left + c * CELL, y + CELL / 2 + 5, CELL);
                }
                g.setColor(Color.BLACK);
                String recall = rowTotal == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * counts[r][r] / rowTotal);
                g.drawString(recall, left + n * CELL + 12, y + CELL / 2 + 5);
            }
            g.setColor(new Color(0xC8C8C8));
            for (int k = 0; k <= n; k++) {
                g.drawLine(left, top + k * CELL, left + n * CELL, top + k * CELL);
                g.drawLine(left + k * CELL, top, left + k * CELL, top + n * CELL);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString("rows: true class; columns: the class with the highest score; shade: share of the row", left, top + n * CELL + 24);
        } finally {
            g.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(img, "png", png.toFile())) throw new IOException(png + ": no PNG writer available");
    }

    private static Color blend(double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(PALE.getRed() + s * (INK.getRed() - PALE.getRed())),
                (int) Math.round(PALE.getGreen() + s * (INK.getGreen() - PALE.getGreen())),
                (int) Math.round(PALE.getBlue() + s * (INK.getBlue() - PALE.getBlue())));
    }

    private static void centered(Graphics2D g, String text, int x, int baseline, int width) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, x + (width - m.stringWidth(text)) / 2, baseline);
    }
}
