package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The auto-encoder layer sizes: the paper's network for each data set, or sizes given on the command line. */
public final class Architecture {
    /** Hinton and Salakhutdinov (2006) and Martens (2010) on CURVES. */
    static final int[] CURVES = {784, 400, 200, 100, 50, 25, 6, 25, 50, 100, 200, 400, 784};
    /** The same papers on MNIST. */
    static final int[] MNIST = {784, 1000, 500, 250, 30, 250, 500, 1000, 784};

    private Architecture() {
    }

    /** The paper's network for a --dataset value. */
    static int[] forDataset(String dataset) {
        return (dataset.startsWith(Datasets.MNIST_IDX_PREFIX) ? MNIST : CURVES).clone();
    }

    /** Parses "784,100,6,100,784": at least three positive sizes whose first and last agree. */
    static int[] parse(String text) {
        String[] parts = text.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--layers '" + text + "': '" + parts[i].trim() + "' is not a whole number");
            }
            if (sizes[i] < 1) throw new IllegalArgumentException("--layers '" + text + "': layer sizes must be positive");
        }
        if (sizes.length < 3) throw new IllegalArgumentException("--layers '" + text + "': an auto-encoder needs at least input, code and output sizes");
        if (sizes[0] != sizes[sizes.length - 1])
            throw new IllegalArgumentException("--layers '" + text + "': an auto-encoder's output size must equal its input size");
        return sizes;
    }

    /** "784-400-...-784". */
    static String format(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    /** Inverse of {@link #format}. */
    static int[] fromFormatted(String text) {
        return parse(text.replace('-', ','));
    }
}
