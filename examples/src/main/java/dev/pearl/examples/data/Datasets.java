package dev.pearl.examples.data;

import java.io.IOException;
import java.nio.file.Path;

/** Turns a --dataset value ("curves" or "mnist-idx:DIR") into training and test sets. */
public final class Datasets {
    public static final String CURVES = "curves";
    public static final String MNIST_IDX_PREFIX = "mnist-idx:";

    private Datasets() {
    }

    /**
     * Loads the named data set with at most trainSize and testSize examples; seed matters only for
     * generated data.
     */
    public static TrainTest load(String spec, int trainSize, int testSize, long seed) throws IOException {
        if (spec.equalsIgnoreCase(CURVES)) return Curves.generate(seed, trainSize, testSize);
        if (spec.startsWith(MNIST_IDX_PREFIX)) {
            String dir = spec.substring(MNIST_IDX_PREFIX.length());
            if (dir.isEmpty()) throw new IllegalArgumentException("'" + spec + "': give the directory after " + MNIST_IDX_PREFIX);
            return IdxImages.readMnistDir(Path.of(dir), trainSize, testSize);
        }
        throw new IllegalArgumentException("unknown dataset '" + spec + "' (expected " + CURVES + " or " + MNIST_IDX_PREFIX + "DIR)");
    }
}
