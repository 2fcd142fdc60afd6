package dev.pearl.examples.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --isa}: runs a benchmark in a JVM restricted to one instruction set, so that an AVX-512
 * machine can also measure what AVX2 machines get. HotSpot's {@code -XX:UseAVX=2} holds the JIT
 * to AVX2 with 16 vector registers and 256-bit vectors; the matching OpenBLAS reference is run
 * with {@code OPENBLAS_CORETYPE=Haswell} (docs/results/cpu-speed). Since JVM flags cannot change
 * in a running JVM, the command restarts itself once with the flag.
 */
public final class IsaOption {
    /** JVM arguments an instruction-set choice adds, and that child JVMs of a benchmark inherit. */
    private static final List<String> FLAG_PREFIXES = List.of("-XX:UseAVX=", "-Dpearl.gemm.");

    @Option(names = "--isa", paramLabel = "SET",
            description = {"Instruction set for the JIT: native (default: all the CPU has), avx2 (restarts the JVM with -XX:UseAVX=2:",
                    "16 vector registers, 256-bit vectors), avx512 (-XX:UseAVX=3) or scalar (-Dpearl.gemm.scalar=true: no Vector API kernels)."})
    String isa = "native";

    /** The JVM flags the choice needs. */
    public List<String> jvmFlags() {
        switch (isa.toLowerCase(Locale.ROOT)) {
            case "native": return List.of();
            case "avx2": return List.of("-XX:UseAVX=2");
            case "avx512": return List.of("-XX:UseAVX=3");
            case "scalar": return List.of("-Dpearl.gemm.scalar=true");
            default: throw new IllegalArgumentException("--isa must be native, avx2, avx512 or scalar, got '" + isa + "'");
        }
    }

    /**
     * When this JVM lacks the flags, runs the same command line in one that has them and returns
     * its exit status; otherwise returns -1 and the caller runs the benchmark here.
     */
    public int runElsewhereIfNeeded(CommandSpec spec) {
        List<String> flags = jvmFlags(), current = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (current.containsAll(flags)) return -1;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        for (String a : current) if (FLAG_PREFIXES.stream().noneMatch(a::startsWith)) cmd.add(a); // the new choice replaces an old one
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(spec.root().userObject().getClass().getName());
        cmd.addAll(spec.root().commandLine().getParseResult().originalArgs());
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put("PEARL_NO_RELAUNCH", "1");
            Process p = pb.start();
            Thread stop = new Thread(p::destroy);
            Runtime.getRuntime().addShutdownHook(stop);
            int status = p.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return status;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start a JVM with " + String.join(" ", flags) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + isa + " JVM ran", e);
        }
    }

    /** This JVM's instruction-set flags, for the child JVMs a benchmark starts itself. */
    public static List<String> inheritedFlags() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (FLAG_PREFIXES.stream().anyMatch(a::startsWith)) out.add(a);
        return out;
    }
}
