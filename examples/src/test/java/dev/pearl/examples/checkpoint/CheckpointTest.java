package dev.pearl.examples.checkpoint;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    private static final Backend CPU = Backends.defaultBackend();

    @TempDir
    Path dir;

    /** Values that a lossy or byte-order-confused format would change: signed zero, NaN, infinities, extremes, subnormals. */
    private static final double[] AWKWARD = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MAX_VALUE, Math.PI, 1.0 / 3, 1e-310, 12345.678901234567};
    private static final float[] AWKWARD_F = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MAX_VALUE, (float) Math.PI, 1f / 3, 1e-40f, 12345.679f, 7f};

    private static Checkpoint sample() {
        return Checkpoint.builder()
                .put("iteration", 17)
                .put("lambda", 0.0123456789012345)
                .put("optimizer", "hf")
                .put("rng", "state with spaces, commas and ünïcödé ✓")
                .add("theta/w1", CPU.fromArray(AWKWARD_F, Shape.of(3, 4), DType.FLOAT32))
                .add("theta/b1", CPU.fromArray(AWKWARD, Shape.of(11), DType.FLOAT64))
                .add("scalar", CPU.fromArray(new double[]{-2.5}, Shape.SCALAR, DType.FLOAT64))
                .add("rank4", CPU.fromArray(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(1, 2, 2, 2), DType.FLOAT32))
                .add("empty", CPU.fromArray(new double[0], Shape.of(0, 3), DType.FLOAT64))
                .build();
    }

    private static void assertSameContents(Checkpoint expected, Checkpoint actual) {
        assertEquals(List.copyOf(expected.metadata().entrySet()), List.copyOf(actual.metadata().entrySet()), "metadata and its order");
        Params e = expected.tensors(), a = actual.tensors();
        assertEquals(e.names(), a.names(), "tensor names and their order");
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).shape(), a.get(i).shape(), e.name(i));
            assertEquals(e.get(i).dtype(), a.get(i).dtype(), e.name(i));
            if (e.get(i).dtype() == DType.FLOAT32) {
                float[] x = e.get(i).toFloatArray(), y = a.get(i).toFloatArray();
                for (int k = 0; k < x.length; k++)
                    assertEquals(Float.floatToRawIntBits(x[k]), Float.floatToRawIntBits(y[k]), e.name(i) + "[" + k + "]");
            } else {
                double[] x = e.get(i).toDoubleArray(), y = a.get(i).toDoubleArray();
                for (int k = 0; k < x.length; k++)
                    assertEquals(Double.doubleToRawLongBits(x[k]), Double.doubleToRawLongBits(y[k]), e.name(i) + "[" + k + "]");
            }
        }
    }

    @Test
    void roundTripIsBitExactForBothDtypesAndKeepsOrder() throws IOException {
        Path file = dir.resolve("run/checkpoint.bin");
        Checkpoint original = sample();
        original.write(file);
        assertSameContents(original, Checkpoint.read(file));
    }

    @Test
    void largeRandomTensorsRoundTripExactly() throws IOException {
        Checkpoint original = Checkpoint.builder()
                .add("a", Tensor.randomNormal(1, DType.FLOAT32, 400, 784))
                .add("b", Tensor.randomNormal(2, DType.FLOAT64, 784, 400))
                .build();
        Path file = dir.resolve("big.bin");
        original.write(file);
        assertSameContents(original, Checkpoint.read(file, CPU));
        // 4 bytes per float32 and 8 per float64 value plus a small header: nothing is stored as text.
        long values = 400L * 784 * 4 + 784L * 400 * 8;
        assertTrue(Files.size(file) >= values && Files.size(file) < values + 200, "size " + Files.size(file));
    }

    @Test
    void prefixedGroupsComeBackAsParams() throws IOException {
        Params theta = Params.builder().add("w", Tensor.of(new double[]{1, 2}, 2)).add("b", Tensor.of(new double[]{3}, 1)).build();
        Params velocity = theta.scale(-1);
        Path file = dir.resolve("c.bin");
        Checkpoint.builder().addAll("theta", theta).addAll("velocity", velocity).put("iteration", 3).build().write(file);
        Checkpoint back = Checkpoint.read(file);
        assertEquals(List.of("w", "b"), back.params("velocity").names());
        assertArrayEquals(new double[]{-1, -2}, back.params("velocity").get("w").toDoubleArray());
        assertArrayEquals(new double[]{3}, back.params("theta").get("b").toDoubleArray());
        assertEquals(3, Long.parseLong(back.meta("iteration")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> back.meta("lambda"));
        assertTrue(missing.getMessage().contains("lambda") && missing.getMessage().contains("iteration"), missing.getMessage());
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("checkpoint.bin");
        sample().write(file);
        Checkpoint second = Checkpoint.builder().put("iteration", 18).add("x", Tensor.of(new double[]{9}, 1)).build();
        second.write(file);
        assertSameContents(second, Checkpoint.read(file));
        assertEquals(List.of(file), filesIn(dir));
    }

    /** Cutting the file anywhere short of its end is reported, with the file and an offset inside it. */
    @Property(tries = 60)
    void everyTruncationIsReported(@ForAll @IntRange(min = 0, max = 999) int permille) throws IOException {
        Path file = scratchFile();
        sample().write(file);
        byte[] all = Files.readAllBytes(file);
        int cut = (int) ((long) all.length * permille / 1000);
        Files.write(file, Arrays.copyOf(all, cut));
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset " + e.offset()), e.getMessage());
        assertTrue(e.offset() >= 0 && e.offset() <= cut, "offset " + e.offset() + " beyond the end " + cut);
        if (cut >= 8) assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    /** Any single damaged byte after the magic is caught, by the version check, the length check or the checksum. */
    @Property(tries = 100)
    void everyDamagedByteIsReported(@ForAll @IntRange(min = 8, max = 100_000) int position, @ForAll @IntRange(min = 1, max = 255) int flip)
            throws IOException {
        Path file = scratchFile();
        sample().write(file);
        byte[] all = Files.readAllBytes(file);
        int at = position % all.length;
        if (at < 8) at += 8;
        all[at] ^= (byte) flip;
        Files.write(file, all);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("byte offset"), e.getMessage());
    }

    @Test
    void damagedPayloadIsAChecksumMismatch() throws IOException {
        Path file = dir.resolve("checkpoint.bin");
        sample().write(file);
        byte[] all = Files.readAllBytes(file);
        all[all.length - 3] ^= 1;
        Files.write(file, all);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void otherFilesAreRejectedByMagicAndVersion() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "iteration,elapsed_s\n1,2\n");
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(text));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("PEARLCKP"), e.getMessage());

        Path file = dir.resolve("checkpoint.bin");
        sample().write(file);
        byte[] all = Files.readAllBytes(file);
        all[11] = 9; // format version 9
        Files.write(file, all);
        e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(file));
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("found 9"), e.getMessage());
    }

    @Test
    void trailingBytesAreReportedWhereTheDataShouldEnd() throws IOException {
        Path file = dir.resolve("checkpoint.bin");
        sample().write(file);
        long size = Files.size(file);
        Files.write(file, new byte[]{1, 2, 3}, StandardOpenOption.APPEND);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(file));
        assertEquals(size, e.offset());
    }

    @Test
    void aWriteThatFailsMidwayLeavesThePreviousCheckpointIntact() throws IOException {
        Path file = dir.resolve("checkpoint.bin");
        Checkpoint previous = sample();
        previous.write(file);
        byte[] before = Files.readAllBytes(file);
        // Several megabytes reach the temporary file before the last tensor fails to produce its values.
        Checkpoint failing = Checkpoint.builder()
                .put("iteration", 18)
                .add("big", Tensor.randomNormal(3, DType.FLOAT64, 1000, 1000))
                .add("lost", new UnreadableTensor())
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.write(file));
        assertEquals("device lost", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertSameContents(previous, Checkpoint.read(file));
        assertEquals(List.of(file), filesIn(dir), "temporary file left behind");
    }

    /** jqwik properties get no JUnit temporary directory: each try makes its own, removed when the JVM exits. */
    private static Path scratchFile() throws IOException {
        Path d = Files.createTempDirectory("pearl-checkpoint-test");
        d.toFile().deleteOnExit();
        Path f = d.resolve("checkpoint.bin");
        f.toFile().deleteOnExit();
        return f;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** A tensor whose values cannot be read, as when a device fails in the middle of a save. */
    private static final class UnreadableTensor extends Tensor {
        @Override
        public Shape shape() {
            return Shape.of(10);
        }

        @Override
        public DType dtype() {
            return DType.FLOAT32;
        }

        @Override
        public Backend backend() {
            return CPU;
        }

        @Override
        public DenseTensor concrete() {
            throw new IllegalStateException("device lost");
        }
    }

    @Test
    void aCheckpointWithoutTensorsRoundTrips() throws IOException {
        Path file = dir.resolve("m.bin");
        new Checkpoint(Params.builder().build(), Map.of("only", "one")).write(file);
        assertEquals(Map.of("only", "one"), Checkpoint.read(file).metadata());
        assertEquals(0, Checkpoint.read(file).tensors().size());
    }
}
