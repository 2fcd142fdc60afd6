package dev.pearl.examples.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IdxImagesTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    /** n images of rows × cols; pixel p of image i is (7i + p) mod 256, so every image differs. */
    private static byte[] idx(int magic, int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++)
            for (int p = 0; p < rows * cols; p++) b.put((byte) ((7 * i + p) % 256));
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertPixelsMatchBytes(Dataset d, int n, int dim) {
        assertEquals(n, d.n());
        assertEquals(dim, d.dim());
        for (int i = 0; i < n; i++) {
            float[] row = d.row(i);
            for (int p = 0; p < dim; p++) assertEquals(((7 * i + p) % 256) / 255f, row[p], "image " + i + " pixel " + p);
        }
    }

    @Test
    void readsRawAndGzipFilesAlikeScaledToUnitInterval() throws IOException {
        byte[] raw = idx(0x803, 5, 4, 70);
        Dataset fromRaw = IdxImages.read(file("raw-images", raw));
        Dataset fromGz = IdxImages.read(file("compressed-without-gz-suffix", gzip(raw)));
        assertPixelsMatchBytes(fromRaw, 5, 280);
        assertArrayEquals(fromRaw.flat(), fromGz.flat());
        float[] all = fromRaw.flat();
        float max = 0;
        for (float v : all) max = Math.max(max, v);
        assertEquals(1f, max, "byte 255 must map to 1");
    }

    @Test
    void maxImagesKeepsTheFirstImages() throws IOException {
        Path f = file("x.gz", gzip(idx(0x803, 6, 3, 3)));
        Dataset first2 = IdxImages.read(f, 2);
        assertPixelsMatchBytes(first2, 2, 9);
    }

    @Test
    void readsAnMnistDirectoryWithRawAndGzipFiles() throws IOException {
        file(IdxImages.TRAIN_IMAGES, idx(0x803, 4, 28, 28));
        file(IdxImages.TEST_IMAGES + ".gz", gzip(idx(0x803, 3, 28, 28)));
        TrainTest data = IdxImages.readMnistDir(dir);
        assertPixelsMatchBytes(data.train(), 4, 784);
        assertPixelsMatchBytes(data.test(), 3, 784);
        TrainTest viaSpec = Datasets.load("mnist-idx:" + dir, 2, 1, 0);
        assertEquals(2, viaSpec.train().n());
        assertEquals(1, viaSpec.test().n());
    }

    @Test
    void badMagicNamesFileOffsetAndExpectedMagic() throws IOException {
        Path f = file("labels", idx(0x801, 2, 2, 2));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxImages.read(f));
        assertMessage(e, f, 0, "0x00000803", "0x00000801", "label file");
    }

    @Test
    void truncatedHeaderNamesTheOffsetWhereDataEnds() throws IOException {
        for (boolean compressed : new boolean[]{false, true}) {
            byte[] cut = Arrays.copyOf(idx(0x803, 2, 2, 2), 10);
            Path f = file("short-header" + compressed, compressed ? gzip(cut) : cut);
            MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxImages.read(f));
            assertMessage(e, f, 10, "truncated", "header");
        }
    }

    @Test
    void truncatedPixelsNameTheOffsetWhereDataEndsAndTheExpectedSize() throws IOException {
        for (boolean compressed : new boolean[]{false, true}) {
            byte[] cut = Arrays.copyOf(idx(0x803, 3, 4, 5), 16 + 2 * 20 + 7);
            Path f = file("short-pixels" + compressed, compressed ? gzip(cut) : cut);
            MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxImages.read(f, 1));
            assertMessage(e, f, 16 + 2 * 20 + 7, "truncated", "3 images of 4×5", "to " + (16 + 60));
            if (compressed) assertTrue(e.getMessage().contains("decompressed"), e.getMessage());
        }
    }

    @Test
    void extraBytesAfterTheLastImageAreReported() throws IOException {
        byte[] ok = idx(0x803, 2, 3, 3);
        Path f = file("overlong", Arrays.copyOf(ok, ok.length + 5));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxImages.read(f));
        assertMessage(e, f, ok.length, "end of file", "more bytes");
    }

    @Test
    void nonPositiveImageSizeIsReportedAtItsHeaderField() throws IOException {
        Path rows0 = file("rows0", idx(0x803, 1, 0, 5));
        assertMessage(assertThrows(MalformedDataException.class, () -> IdxImages.read(rows0)), rows0, 8, "rows per image", "found 0");
        byte[] negativeCols = idx(0x803, 1, 2, 2);
        ByteBuffer.wrap(negativeCols).putInt(12, -4);
        Path colsNeg = file("colsNeg", negativeCols);
        assertMessage(assertThrows(MalformedDataException.class, () -> IdxImages.read(colsNeg)), colsNeg, 12, "columns per image", "found -4");
    }

    @Test
    void corruptGzipDataIsReportedWithTheFileName() throws IOException {
        byte[] gz = gzip(idx(0x803, 50, 28, 28));
        for (int i = 20; i < gz.length - 10; i += 7) gz[i] ^= 0x5A;
        Path f = file("damaged.gz", gz);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxImages.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        file(IdxImages.TRAIN_IMAGES + ".gz", gzip(idx(0x803, 1, 28, 28)));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxImages.readMnistDir(dir));
        assertTrue(e.getMessage().contains(IdxImages.TEST_IMAGES + ".gz") && e.getMessage().contains(dir.toString()), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> IdxImages.read(dir.resolve("nothing-here")));
        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> IdxImages.readMnistDir(dir.resolve("no-such-dir")));
        assertTrue(absent.getMessage().contains("no such directory"), absent.getMessage());
        Path aFile = dir.resolve(IdxImages.TRAIN_IMAGES + ".gz");
        NoSuchFileException notADir = assertThrows(NoSuchFileException.class, () -> IdxImages.readMnistDir(aFile));
        assertTrue(notADir.getMessage().contains("a file, not a directory"), notADir.getMessage());
    }

    @Test
    void trainAndTestImagesOfDifferentSizesAreRejected() throws IOException {
        file(IdxImages.TRAIN_IMAGES, idx(0x803, 2, 28, 28));
        Path test = file(IdxImages.TEST_IMAGES, idx(0x803, 2, 20, 20));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxImages.readMnistDir(dir));
        assertTrue(e.getMessage().contains(test.toString()) && e.getMessage().contains("784") && e.getMessage().contains("400"), e.getMessage());
    }

    @Test
    void realFashionMnistFilesWhenInstalled() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "Debian's dataset-fashion-mnist is not installed");
        TrainTest data = IdxImages.readMnistDir(FASHION);
        assertEquals(60_000, data.train().n());
        assertEquals(10_000, data.test().n());
        assertEquals(784, data.train().dim());
        double sum = 0;
        float min = 1, max = 0;
        for (float v : data.train().flat()) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // Fashion-MNIST's published training-set pixel mean is 0.2860.
        assertEquals(0.2860, sum / (60_000.0 * 784), 0.001);
    }

    /** n labels, label i being (3i) mod 10. */
    private static byte[] labels(int magic, int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(magic).putInt(n);
        for (int i = 0; i < n; i++) b.put((byte) (3 * i % 10));
        return b.array();
    }

    @Test
    void readsLabelsRawAndGzipAndTheImageSizeFromTheHeader() throws IOException {
        int[] expected = new int[7];
        for (int i = 0; i < 7; i++) expected[i] = 3 * i % 10;
        assertArrayEquals(expected, IdxImages.readLabels(file("labels", labels(0x801, 7)), Integer.MAX_VALUE));
        assertArrayEquals(Arrays.copyOf(expected, 3), IdxImages.readLabels(file("labels.gz", gzip(labels(0x801, 7))), 3));
        assertArrayEquals(new int[]{4, 9}, IdxImages.imageSize(file("images", idx(0x803, 2, 4, 9))));
    }

    @Test
    void badLabelFilesNameFileOffsetAndProblem() throws IOException {
        Path images = file("images-as-labels", idx(0x803, 2, 2, 2));
        assertMessage(assertThrows(MalformedDataException.class, () -> IdxImages.readLabels(images, 10)), images, 0,
                "expected magic number 0x00000801", "this is an IDX image file, not a label file");
        Path cut = file("cut-labels", Arrays.copyOf(labels(0x801, 5), 8 + 3));
        assertMessage(assertThrows(MalformedDataException.class, () -> IdxImages.readLabels(cut, 10)), cut, 11,
                "truncated", "5 labels (bytes from offset 8 to 13)");
        Path labelsAsImages = file("labels-as-images", labels(0x801, 5));
        assertMessage(assertThrows(MalformedDataException.class, () -> IdxImages.imageSize(labelsAsImages)), labelsAsImages, 0,
                "this is an IDX label file, not an image file");
    }

    private static void assertMessage(MalformedDataException e, Path file, long offset, String... fragments) {
        String m = e.getMessage();
        assertEquals(file, e.file());
        assertEquals(offset, e.offset(), m);
        assertTrue(m.contains(file.toString()), "no file name in: " + m);
        assertTrue(m.contains("byte offset " + offset), "no offset " + offset + " in: " + m);
        for (String f : fragments) assertTrue(m.contains(f), "no '" + f + "' in: " + m);
    }
}
