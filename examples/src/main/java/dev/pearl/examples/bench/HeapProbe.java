package dev.pearl.examples.bench;

import dev.pearl.tensor.DType;

import java.util.Arrays;

/**
 * What {@link HeapBench} runs in a JVM with a capped heap: one op, twice (the first run also
 * loads and compiles the code). Exit status 0 when both runs fit, {@link #OUT_OF_MEMORY} when the
 * heap was too small. Arguments: op, batch, dtype, threads, comma-separated layer sizes.
 */
final class HeapProbe {
    static final int OUT_OF_MEMORY = 3;

    private HeapProbe() {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        try {
            AutoencoderOps ops = new AutoencoderOps(BackendOption.create("cpu", Integer.parseInt(args[3])), DType.parse(args[2]),
                    Integer.parseInt(args[1]), sizes);
            ops.run(args[0]);
            ops.run(args[0]);
        } catch (OutOfMemoryError e) {
            System.exit(OUT_OF_MEMORY);
        }
        System.exit(0);
    }
}
