package dev.pearl.examples.bench;

import dev.pearl.tensor.DType;
import picocli.CommandLine.Option;

/** The options that say which auto-encoder the op benches run and on how many threads. */
final class NetworkOptions {
    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).")
    String dtype = "float32";

    @Option(names = "--threads", description = "CPU threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--sizes", split = ",", description = "Layer sizes (default: the MNIST auto-encoder).")
    int[] sizes = AutoencoderOps.MNIST_SIZES;

    DType dtype() {
        return DType.parse(dtype);
    }
}
