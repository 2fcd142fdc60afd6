package dev.pearl.examples.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads images in the IDX format of MNIST (and Fashion-MNIST): a big-endian header of magic
 * 0x00000803, image count, rows and columns, then one unsigned byte per pixel, image after image,
 * row-major; and their labels: magic 0x00000801, label count, then one unsigned byte per label
 * ({@link #readLabels}). Files may be raw or gzip-compressed (recognised by the gzip magic bytes 1f 8b, not by
 * name). Pixels are scaled from 0..255 to [0, 1].
 *
 * <p>Every malformed file gives a {@link MalformedDataException} naming the file, the byte offset
 * (counted in the decompressed data for gzip files) and what was expected there.
 */
public final class IdxImages {
    /** Unsigned-byte data (0x08) with three dimensions (0x03). */
    public static final int IMAGE_MAGIC = 0x00000803;
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final int HEADER_BYTES = 16, LABEL_HEADER_BYTES = 8;
    private static final int LABEL_MAGIC = 0x00000801;
    private static final float[] SCALED = new float[256];

    static {
        for (int b = 0; b < 256; b++) SCALED[b] = b / 255f;
    }

    private IdxImages() {
    }

    /** All images of one IDX file as an n × (rows·cols) data set. */
    public static Dataset read(Path file) throws IOException {
        return read(file, Integer.MAX_VALUE);
    }

    /**
     * The first min(n, maxImages) images of one IDX file. The whole file is still checked, so a
     * truncated or overlong file is reported even when its tail is not needed.
     */
    public static Dataset read(Path file, int maxImages) throws IOException {
        if (maxImages < 0) throw new IllegalArgumentException("negative maxImages " + maxImages);
        try (Reader in = Reader.open(file)) {
            in.expectImageMagic();
            int n = in.readDim("image count", 0);
            int rows = in.readDim("rows per image", 1);
            int cols = in.readDim("columns per image", 1);
            long pixels = (long) n * rows * cols;
            if (pixels > Integer.MAX_VALUE - 8)
                throw in.error(4, n + " images of " + rows + "×" + cols + " are " + pixels + " pixels, more than fit in memory at once");
            int dim = rows * cols, kept = Math.min(n, maxImages);
            String whole = n + " images of " + rows + "×" + cols + " pixels (" + pixels + " bytes from offset "
                    + HEADER_BYTES + " to " + (HEADER_BYTES + pixels) + ")";
            float[] values = new float[kept * dim];
            byte[] buf = new byte[dim];
            for (int i = 0; i < kept; i++) {
                in.readFully(buf, whole);
                for (int p = 0; p < dim; p++) values[i * dim + p] = SCALED[buf[p] & 0xFF];
            }
            in.skipFully((long) (n - kept) * dim, whole);
            in.expectEnd("end of file after " + whole);
            return new Dataset(file.getFileName().toString(), kept, dim, values);
        }
    }

    /** {rows, columns} of the images in an IDX image file, from its header. */
    public static int[] imageSize(Path file) throws IOException {
        try (Reader in = Reader.open(file)) {
            in.expectImageMagic();
            in.readDim("image count", 0);
            return new int[]{in.readDim("rows per image", 1), in.readDim("columns per image", 1)};
        }
    }

    /**
     * The first min(n, maxLabels) labels of an IDX label file, each 0..255; the whole file is
     * checked. A label at index i lies at byte offset 8 + i.
     */
    public static int[] readLabels(Path file, int maxLabels) throws IOException {
        if (maxLabels < 0) throw new IllegalArgumentException("negative maxLabels " + maxLabels);
        try (Reader in = Reader.open(file)) {
            int magic = in.readInt("magic number 0x00000801 (an 8-byte IDX label header)");
            if (magic != LABEL_MAGIC) {
                String hint = magic == IMAGE_MAGIC ? " (this is an IDX image file, not a label file)" : (magic >>> 16) != 0 ? " (not an IDX file)" : "";
                throw in.error(0, String.format("expected magic number 0x%08X (unsigned-byte labels with 1 dimension), found 0x%08X%s",
                        LABEL_MAGIC, magic, hint));
            }
            int n = in.readDim("label count", 0), kept = Math.min(n, maxLabels);
            String whole = n + " labels (bytes from offset " + LABEL_HEADER_BYTES + " to " + (LABEL_HEADER_BYTES + (long) n) + ")";
            byte[] buf = new byte[kept];
            in.readFully(buf, whole);
            in.skipFully(n - kept, whole);
            in.expectEnd("end of file after " + whole);
            int[] labels = new int[kept];
            for (int i = 0; i < kept; i++) labels[i] = buf[i] & 0xFF;
            return labels;
        }
    }

    /** DIR/train-images-idx3-ubyte and DIR/t10k-images-idx3-ubyte, each raw or with a .gz suffix. */
    public static TrainTest readMnistDir(Path dir) throws IOException {
        return readMnistDir(dir, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** As {@link #readMnistDir(Path)}, keeping at most maxTrain and maxTest images. */
    public static TrainTest readMnistDir(Path dir, int maxTrain, int maxTest) throws IOException {
        Path trainFile = find(dir, TRAIN_IMAGES), testFile = find(dir, TEST_IMAGES);
        Dataset train = read(trainFile, maxTrain), test = read(testFile, maxTest);
        if (train.dim() != test.dim())
            throw new MalformedDataException(testFile, 8, "expected images of " + train.dim() + " pixels like those in "
                    + trainFile + ", found " + test.dim() + " pixels per image");
        return new TrainTest(train, test);
    }

    /** DIR/name if it exists, else DIR/name.gz; a clear error when neither does. */
    public static Path find(Path dir, String name) throws IOException {
        if (!Files.exists(dir)) throw new NoSuchFileException(dir.toString(), null, "no such directory (expected a directory of IDX files)");
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "a file, not a directory of IDX files");
        Path raw = dir.resolve(name), gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(raw)) return raw;
        if (Files.isRegularFile(gz)) return gz;
        throw new NoSuchFileException(raw.toString(), null, "missing IDX file: expected " + name + " or " + name + ".gz in " + dir);
    }

    /** A byte stream that knows its offset, so every error can say where it happened. */
    private static final class Reader implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final boolean gzip;
        private long offset;

        private Reader(Path file, InputStream in, boolean gzip) {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
        }

        static Reader open(Path file) throws IOException {
            if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "missing IDX file");
            BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            try {
                raw.mark(2);
                boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
                return new Reader(file, in, gzip);
            } catch (ZipException | EOFException e) {
                raw.close();
                throw new MalformedDataException(file, 0, "corrupt gzip header at byte offset 0: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        void expectImageMagic() throws IOException {
            int magic = readInt("magic number 0x00000803 (a 16-byte IDX image header)");
            if (magic != IMAGE_MAGIC) {
                String hint = magic == LABEL_MAGIC ? " (this is an IDX label file, not an image file)"
                        : (magic >>> 16) != 0 ? " (not an IDX file)" : "";
                throw error(0, String.format("expected magic number 0x%08X (unsigned-byte images with 3 dimensions), found 0x%08X%s",
                        IMAGE_MAGIC, magic, hint));
            }
        }

        int readInt(String expected) throws IOException {
            byte[] b = new byte[4];
            readFully(b, expected);
            return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        }

        int readDim(String what, int min) throws IOException {
            long at = offset;
            int v = readInt(what + " in the 16-byte IDX header");
            if (v < min) throw error(at, "expected " + what + " of at least " + min + ", found " + v);
            return v;
        }

        void readFully(byte[] b, String expected) throws IOException {
            int done = 0;
            while (done < b.length) {
                int r = read(b, done, b.length - done, expected);
                if (r < 0) throw truncated(offset, expected);
                done += r;
                offset += r;
            }
        }

        void skipFully(long count, String expected) throws IOException {
            byte[] sink = new byte[1 << 16];
            while (count > 0) {
                int r = read(sink, 0, (int) Math.min(sink.length, count), expected);
                if (r < 0) throw truncated(offset, expected);
                count -= r;
                offset += r;
            }
        }

        void expectEnd(String expected) throws IOException {
            if (read(new byte[1], 0, 1, expected) > 0) throw error(offset, "expected " + expected + ", found more bytes");
        }

        private int read(byte[] b, int off, int len, String expected) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                // GZIPInputStream reports a cut-off or damaged stream this way.
                throw error(offset, "truncated or corrupt gzip data (" + e.getMessage() + "): expected " + expected, e);
            }
        }

        private MalformedDataException truncated(long at, String expected) {
            return error(at, "truncated: expected " + expected + ", but the data ends");
        }

        MalformedDataException error(long at, String problem) {
            return error(at, problem, null);
        }

        private MalformedDataException error(long at, String problem, Throwable cause) {
            String where = gzip ? "at byte offset " + at + " of the decompressed data: " : "at byte offset " + at + ": ";
            return new MalformedDataException(file, at, where + problem, cause);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
