package dev.pearl.examples.bench;

import dev.pearl.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The least heap one op needs: the smallest {@code -Xmx} under which a fresh JVM runs it, found
 * by bisection over child JVMs. A heap pool's high-water mark counts garbage the collector had not
 * yet reclaimed, so it says more about the collector than about the op; a cap the op cannot
 * exceed bounds what it really holds at once (plus the inputs, parameters and the JVM's own few
 * megabytes, all counted against the op).
 */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Smallest heap (-Xmx) in which one op on the MNIST deep auto-encoder runs, against its activations + parameters; one JSON line.")
public final class HeapBench extends IsaBench {
    /** A child that neither finishes nor runs out of memory in this time is thrashing: too small. */
    private static final long CHILD_TIMEOUT_S = 300;

    @Option(names = "--op", description = "forward, grad, linearize, gnvp or hvp (default ${DEFAULT-VALUE}).")
    String op = "grad";

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--batch", description = "Cases per batch (default ${DEFAULT-VALUE}).")
    int batch = 5000;

    @Option(names = "--resolution-mb", description = "Bisect until the bracket is this narrow (default ${DEFAULT-VALUE}).")
    int resolutionMb = 4;

    @Override
    protected Integer measure() {
        if (!AutoencoderOps.NAMES.contains(op))
            throw new IllegalArgumentException("--op must be one of " + String.join(", ", AutoencoderOps.NAMES) + ", got '" + op + "'");
        if (batch < 1 || network.threads < 1 || resolutionMb < 1) throw new IllegalArgumentException("--batch, --threads and --resolution-mb must be >= 1");
        DType dt = network.dtype();
        double activations = AutoencoderOps.activationMegabytes(network.sizes, batch, dt), parameters = AutoencoderOps.parameterMegabytes(network.sizes, dt);
        // 8 MB is taken as too small without trying: the JVM itself needs a few.
        int fits = (int) Math.ceil(4 * (activations + parameters)) + 64, fails = 8;
        while (!runsWithin(fits)) {
            fails = fits;
            fits *= 2;
            if (fits > physicalMegabytes()) throw new IllegalStateException(op + " did not run even in a " + fails + " MB heap");
        }
        while (fits - fails > resolutionMb) {
            int mid = (fits + fails) / 2;
            if (runsWithin(mid)) fits = mid;
            else fails = mid;
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "{\"op\":\"%s\",\"batch\":%d,\"dtype\":\"%s\",\"threads\":%d,\"gc\":\"parallel\",\"min_heap_mb\":%d,\"activations_mb\":%.1f,\"parameters_mb\":%.1f,\"ratio\":%.2f%s}",
                op, batch, dt, network.threads, fits, activations, parameters, fits / (activations + parameters), KernelField.json()));
        return 0;
    }

    /** Whether the op runs in a fresh JVM capped at {@code megabytes} of heap. */
    boolean runsWithin(int megabytes) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmx" + megabytes + "m"));
        cmd.addAll(IsaOption.inheritedFlags());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(),
                op, Integer.toString(batch), network.dtype, Integer.toString(network.threads),
                Arrays.stream(network.sizes).mapToObj(Integer::toString).collect(Collectors.joining(","))));
        Path log = null;
        try {
            log = Files.createTempFile("pearl-heap-probe", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PEARL_NO_RELAUNCH", "1");
            Process p = pb.start();
            if (!p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return false;
            }
            int status = p.exitValue();
            if (status != 0 && status != HeapProbe.OUT_OF_MEMORY)
                throw new IllegalStateException("the heap probe JVM failed with exit status " + status + " (" + String.join(" ", cmd) + "): "
                        + tail(Files.readString(log)));
            return status == 0;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a JVM for the heap probe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (log != null) log.toFile().delete();
        }
    }

    private static String tail(String output) {
        String t = output.strip();
        return t.length() <= 400 ? t : "..." + t.substring(t.length() - 400);
    }

    /** The machine's memory: a cap beyond it would be met by the OS, not by the JVM. */
    private static long physicalMegabytes() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1 << 20);
    }
}
