package dev.pearl.examples.report;

import dev.pearl.examples.report.MetricsCsv.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCsvTest {
    @TempDir
    Path dir;

    private static Row row(long iteration) {
        return new Row(iteration, 0.1 * iteration + 1e-9, 1.0 / (iteration + 3), 2.0 / (iteration + 7), 3.0 / (iteration + 11),
                Math.pow(1.5, -iteration), 0.75, (int) (10 * iteration));
    }

    @Test
    void headerHasTheStandardColumnsThenTheExtraOnes() throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of("step_size", "optimizer"))) {
            assertEquals(dir.resolve("metrics.csv"), csv.file());
        }
        assertEquals("iteration,elapsed_s,train_loss,train_error,test_error,lambda,rho,cg_iterations,step_size,optimizer",
                Files.readAllLines(dir.resolve("metrics.csv")).get(0));
    }

    @Test
    void eachRowIsOnDiskAsSoonAsItIsAppended() throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of())) {
            for (int i = 1; i <= 3; i++) {
                csv.append(row(i));
                assertEquals(i + 1, Files.readAllLines(csv.file()).size(), "row " + i + " not flushed");
            }
        }
    }

    @Test
    void numbersReadBackExactlyAndNaNIsAnEmptyCell() throws IOException {
        Row sgdRow = new Row(4, 12.345678901234567, Math.PI, Math.E, Double.NaN, Double.NaN, Double.NaN, 0,
                Map.of("step_size", 1e-300));
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of("step_size", "note"))) {
            csv.append(row(3));
            csv.append(sgdRow);
        }
        assertTrue(Files.readAllLines(dir.resolve("metrics.csv")).get(2).startsWith("4,12.345678901234567,"));
        MetricsTable t = MetricsTable.read(dir.resolve("metrics.csv"));
        assertEquals(2, t.rowCount());
        assertArrayEquals(new double[]{3, 4}, t.column("iteration"));
        assertArrayEquals(new double[]{row(3).elapsedSeconds(), 12.345678901234567}, t.column("elapsed_s"));
        assertArrayEquals(new double[]{row(3).trainLoss(), Math.PI}, t.column("train_loss"));
        assertArrayEquals(new double[]{row(3).testError(), Double.NaN}, t.column("test_error"));
        assertArrayEquals(new double[]{row(3).lambda(), Double.NaN}, t.column("lambda"));
        assertArrayEquals(new double[]{30, 0}, t.column("cg_iterations"));
        assertArrayEquals(new double[]{Double.NaN, 1e-300}, t.column("step_size"));
    }

    @Test
    void textWithCommasQuotesAndNewlinesStaysInItsCell() throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of("note", "after"))) {
            csv.append(new Row(1, 1, 1, 1, 1, 1, 1, 1, Map.of("note", "a, \"b\"\nc", "after", 42)));
        }
        MetricsTable t = MetricsTable.read(dir.resolve("metrics.csv"));
        assertEquals(1, t.rowCount());
        assertArrayEquals(new double[]{42}, t.column("after"));
    }

    @Test
    void resumingKeepsRowsUpToTheCheckpointAndDropsLaterOnes() throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of("x"))) {
            for (int i = 1; i <= 8; i++) csv.append(row(i));
        }
        try (MetricsCsv csv = MetricsCsv.resume(dir, 5, List.of("x"))) {
            csv.append(row(6));
        }
        MetricsTable t = MetricsTable.read(dir.resolve("metrics.csv"));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, t.column("iteration"));
        assertArrayEquals(new double[]{row(1).trainError(), row(2).trainError(), row(3).trainError(), row(4).trainError(),
                row(5).trainError(), row(6).trainError()}, t.column("train_error"));
    }

    @Test
    void resumingDropsAPartlyWrittenLastLine() throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of())) {
            csv.append(row(1));
            csv.append(row(2));
        }
        Files.writeString(dir.resolve("metrics.csv"), "3,0.3,0.2", StandardOpenOption.APPEND);
        try (MetricsCsv csv = MetricsCsv.resume(dir, 10, List.of())) {
            csv.append(row(3));
        }
        MetricsTable t = MetricsTable.read(dir.resolve("metrics.csv"));
        assertArrayEquals(new double[]{1, 2, 3}, t.column("iteration"));
        assertArrayEquals(new double[]{row(1).rho(), row(2).rho(), row(3).rho()}, t.column("rho"));
    }

    @Test
    void resumingWithoutAFileStartsOne() throws IOException {
        try (MetricsCsv csv = MetricsCsv.resume(dir.resolve("new"), 7, List.of())) {
            csv.append(row(8));
        }
        assertArrayEquals(new double[]{8}, MetricsTable.read(dir.resolve("new/metrics.csv")).column("iteration"));
    }

    @Test
    void resumingWithOtherColumnsNamesTheFileAndHeader() throws IOException {
        MetricsCsv.create(dir, List.of("a")).close();
        IOException e = assertThrows(IOException.class, () -> MetricsCsv.resume(dir, 1, List.of("b")));
        assertTrue(e.getMessage().contains(dir.resolve("metrics.csv").toString()) && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void unknownExtraColumnAndBadColumnNamesAreRejected() throws IOException {
        try (MetricsCsv csv = MetricsCsv.create(dir, List.of("a"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> csv.append(new Row(1, 1, 1, 1, 1, 1, 1, 1, Map.of("typo", 1))));
            assertTrue(e.getMessage().contains("typo"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.create(dir, List.of("lambda")));
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.create(dir, List.of("a,b")));
    }
}
