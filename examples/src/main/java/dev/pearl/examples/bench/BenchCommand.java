package dev.pearl.examples.bench;

import dev.pearl.examples.bench.kernels.KernelsBench;
import picocli.CommandLine.Command;

/** {@code pearl bench ...}: benchmarks that print one JSON line per measurement. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks printing one JSON line per measurement (medians after warm-up).",
        subcommands = {OpsBench.class, RnnBench.class, ConvBench.class, ElementwiseBench.class, HeapBench.class, MatmulBench.class, KernelsBench.class, SparkBench.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("choose a benchmark: 'bench ops', 'bench rnn', 'bench conv', 'bench elementwise', 'bench matmul' or 'bench kernels' (see --help)");
    }
}
