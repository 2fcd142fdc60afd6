package dev.pearl.examples.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DIR/metrics.csv: one row per training iteration, flushed as soon as it is written so that the
 * file can be watched (or plotted) while training runs and survives a crash. Unknown or
 * not-applicable numbers (NaN, e.g. λ for SGD) are written as empty cells; doubles are written
 * with {@link Double#toString(double)}, which reads back exactly.
 */
public final class MetricsCsv implements Closeable {
    public static final String FILE_NAME = "metrics.csv";
    public static final List<String> STANDARD_COLUMNS = List.of(
            "iteration", "elapsed_s", "train_loss", "train_error", "test_error", "lambda", "rho", "cg_iterations");

    /**
     * One iteration's numbers. Errors are squared error summed over pixels and averaged over cases;
     * extra holds values for the extra columns chosen at construction (missing ones stay empty).
     */
    public record Row(long iteration, double elapsedSeconds, double trainLoss, double trainError, double testError,
                      double lambda, double rho, int cgIterations, Map<String, ?> extra) {
        public Row {
            extra = Map.copyOf(extra);
        }

        public Row(long iteration, double elapsedSeconds, double trainLoss, double trainError, double testError,
                   double lambda, double rho, int cgIterations) {
            this(iteration, elapsedSeconds, trainLoss, trainError, testError, lambda, rho, cgIterations, Map.of());
        }
    }

    private final Path file;
    private final List<String> columns;
    private final List<String> extraColumns;
    private final BufferedWriter out;

    private MetricsCsv(Path file, List<String> extraColumns, BufferedWriter out) {
        this.file = file;
        this.extraColumns = List.copyOf(extraColumns);
        List<String> all = new ArrayList<>(STANDARD_COLUMNS);
        all.addAll(extraColumns);
        this.columns = List.copyOf(all);
        this.out = out;
    }

    /** Starts DIR/metrics.csv afresh (replacing any earlier file) with the standard and the extra columns. */
    public static MetricsCsv create(Path dir, List<String> extraColumns) throws IOException {
        checkExtraColumns(extraColumns);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        MetricsCsv csv = new MetricsCsv(file, extraColumns, out);
        csv.writeLine(header(extraColumns));
        return csv;
    }

    /**
     * Reopens DIR/metrics.csv to continue a run resumed from the checkpoint of lastIteration: rows
     * up to and including lastIteration are kept, later rows (written after that checkpoint) and a
     * partly written last line are dropped. The header must match the columns asked for. When there
     * is no file yet, a fresh one is started.
     */
    public static MetricsCsv resume(Path dir, long lastIteration, List<String> extraColumns) throws IOException {
        checkExtraColumns(extraColumns);
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) return create(dir, extraColumns);
        List<String> kept = keptLines(file, lastIteration, header(extraColumns));
        // Rewrite through a temporary file so that a crash here cannot lose the earlier rows.
        Path tmp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
        try {
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new MetricsCsv(file, extraColumns, out);
    }

    public Path file() {
        return file;
    }

    /** The columns in file order: the standard ones, then the extra ones. */
    public List<String> columns() {
        return columns;
    }

    /** Appends one row and flushes it to the file. */
    public void append(Row row) throws IOException {
        for (String key : row.extra().keySet())
            if (!extraColumns.contains(key))
                throw new IllegalArgumentException("no column '" + key + "' in " + file + " (extra columns: " + extraColumns + ")");
        List<String> cells = new ArrayList<>(columns.size());
        cells.add(Long.toString(row.iteration()));
        cells.add(number(row.elapsedSeconds()));
        cells.add(number(row.trainLoss()));
        cells.add(number(row.trainError()));
        cells.add(number(row.testError()));
        cells.add(number(row.lambda()));
        cells.add(number(row.rho()));
        cells.add(Integer.toString(row.cgIterations()));
        for (String c : extraColumns) cells.add(cell(row.extra().get(c)));
        writeLine(String.join(",", cells));
    }

    /** For callers inside lambdas (listeners) that cannot throw IOException. */
    public void appendUnchecked(Row row) {
        try {
            append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeLine(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    private static List<String> keptLines(Path file, long lastIteration, String expectedHeader) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // The text after the last newline is empty for a complete file, or a row cut off by a crash.
        lines.remove(lines.size() - 1);
        if (lines.isEmpty()) return List.of(expectedHeader);
        if (!lines.get(0).equals(expectedHeader))
            throw new IOException(file + ": line 1: expected the header '" + expectedHeader + "', found '" + lines.get(0)
                    + "'; resume with the same extra columns as the original run");
        List<String> kept = new ArrayList<>();
        kept.add(expectedHeader);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            long iteration;
            try {
                iteration = Long.parseLong(comma < 0 ? line : line.substring(0, comma));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 1) + ": expected an iteration number in the first column, found '" + line + "'");
            }
            if (iteration > lastIteration) break;
            kept.add(line);
        }
        return kept;
    }

    private static String header(List<String> extraColumns) {
        List<String> all = new ArrayList<>(STANDARD_COLUMNS);
        all.addAll(extraColumns);
        return String.join(",", all);
    }

    private static void checkExtraColumns(List<String> extraColumns) {
        List<String> seen = new ArrayList<>(STANDARD_COLUMNS);
        for (String c : extraColumns) {
            if (c.isEmpty() || c.contains(",") || c.contains("\"") || c.contains("\n"))
                throw new IllegalArgumentException("column name '" + c + "' must be non-empty and free of commas, quotes and newlines");
            if (seen.contains(c)) throw new IllegalArgumentException("column '" + c + "' given twice");
            seen.add(c);
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f.doubleValue());
        // One row per line: line breaks inside a value become spaces.
        String s = v.toString().replace('\r', ' ').replace('\n', ' ');
        if (s.contains(",") || s.contains("\""))
            return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }
}
