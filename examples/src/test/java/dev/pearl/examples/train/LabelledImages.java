package dev.pearl.examples.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a small labelled image set in the IDX format of (Fashion-)MNIST: image i shows class
 * i mod classes as a bright horizontal bar at a row that depends on the class, over faint noise,
 * so a classifier can learn it from a few hundred images.
 */
final class LabelledImages {
    static final int CLASSES = 10;

    private LabelledImages() {
    }

    /** train and test images of side x side pixels with their label files in dir. */
    static Path write(Path dir, int train, int test, int side) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        writeSet(dir, "train", train, side, random);
        writeSet(dir, "t10k", test, side, random);
        return dir;
    }

    private static void writeSet(Path dir, String prefix, int n, int side, Random random) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * side * side).putInt(0x803).putInt(n).putInt(side).putInt(side);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES, bar = 2 + label * (side - 4) / CLASSES;
            for (int r = 0; r < side; r++)
                for (int c = 0; c < side; c++)
                    images.put((byte) (r == bar || r == bar + 1 ? 200 + random.nextInt(56) : random.nextInt(40)));
            labels.put((byte) label);
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }
}
