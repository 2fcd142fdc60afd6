package dev.pearl.examples.bench.kernels;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import dev.pearl.cpu.gemm.Gemm;
import dev.pearl.examples.bench.IsaBench;
import dev.pearl.examples.bench.IsaOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code pearl bench kernels}: the JMH benchmarks of {@link KernelBenchmarks}, in a forked JVM. */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = {"JMH benchmarks of the CPU kernels (matmul with transposed operands, logistic, softplus, bias sums) at the",
                "MNIST auto-encoder's widest layer, float32 and float64. Prints JMH's table (average ms per call)."})
public final class KernelsBench extends IsaBench {
    @Option(names = "--filter", paramLabel = "REGEX", description = "Only benchmarks whose name matches (default: all).")
    String filter = "";

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads of the backend (default: all processors).")
    int threads = 0;

    @Option(names = "--quick", description = "Three warm-up and three measured seconds per benchmark instead of five and five (a first matmul call, JIT included, takes about a second).")
    boolean quick;

    @Override
    protected Integer measure() {
        // The fork below gets the same JVM flags, hence the same kernels.
        spec.commandLine().getOut().println("gemm: " + Gemm.kernel());
        spec.commandLine().getOut().flush();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(KernelBenchmarks.class.getName() + ".*" + filter)
                .param("threads", Integer.toString(threads))
                .forks(1)
                .jvmArgsAppend(forkArgs())
                .warmupIterations(quick ? 3 : 5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1));
        try {
            new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH: " + e.getMessage(), e);
        }
        return 0;
    }

    /** The fork needs the Vector API like pearl itself, and this JVM's --isa flags; the parallel collector suits large temporaries. */
    private static String[] forkArgs() {
        List<String> args = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xms2g", "-Xmn1g"));
        args.addAll(IsaOption.inheritedFlags());
        return args.toArray(new String[0]);
    }
}
