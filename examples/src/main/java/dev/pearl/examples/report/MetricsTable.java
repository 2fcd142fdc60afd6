package dev.pearl.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A metrics.csv read back into columns, for plotting and comparing runs. */
public final class MetricsTable {
    private final Path file;
    private final List<String> columns;
    private final List<List<String>> rows;

    private MetricsTable(Path file, List<String> columns, List<List<String>> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads a CSV file with a header line; a partly written last line (no newline yet) is ignored. */
    public static MetricsTable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2) throw new IOException(file + ": line 1: expected a header line, found " + (text.isEmpty() ? "an empty file" : "no complete line"));
        List<String> columns = splitLine(lines[0]);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            if (lines[i].isEmpty()) continue;
            List<String> cells = splitLine(lines[i]);
            if (cells.size() != columns.size())
                throw new IOException(file + ": line " + (i + 1) + ": expected " + columns.size() + " cells like the header, found " + cells.size());
            rows.add(cells);
        }
        return new MetricsTable(file, List.copyOf(columns), rows);
    }

    public Path file() {
        return file;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /** A numeric column; empty cells read as NaN. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) throw new IllegalArgumentException(file + ": no column '" + name + "' (have " + columns + ")");
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String cell = rows.get(r).get(c).trim();
            try {
                out[r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": line " + (r + 2) + ", column '" + name + "': expected a number, found '" + cell + "'");
            }
        }
        return out;
    }

    /** Splits one CSV line, honouring double-quoted cells with "" as an escaped quote. */
    private static List<String> splitLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
