package dev.pearl.examples;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast CPU kernels need the incubating Vector API, which a jar manifest cannot enable. When
 * it is missing, the command restarts itself once in a JVM that has it, so that a plain
 * {@code java -jar pearl.jar} runs at full speed. Set PEARL_NO_RELAUNCH=1 to stay on the scalar
 * path.
 *
 * <p>The restarted JVM also uses the parallel collector unless a collector was chosen: training
 * allocates many large short-lived arrays, which G1 treats as humongous objects and answers with
 * back-to-back concurrent cycles (measured here: a batch-5000 float64 gradient 2.2x slower, a
 * Hessian product 3x slower). Runs that name OpenCL keep G1, whose not moving large arrays is
 * what ad-gpu's device arenas rely on.
 */
final class VectorModule {
    private static final String MODULE = "jdk.incubator.vector";

    private VectorModule() {
    }

    static boolean prefersParallelGc(List<String> jvmArgs, String[] args) {
        for (String a : jvmArgs) if (a.startsWith("-XX:+Use") && a.endsWith("GC")) return false;
        for (String a : args) if (a.contains("opencl")) return false;
        return true;
    }

    static void relaunchWithVectorApiIfMissing(Class<?> main, String[] args) {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || System.getenv("PEARL_NO_RELAUNCH") != null) return;
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.add("--add-modules");
            cmd.add(MODULE);
            List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
            if (prefersParallelGc(jvmArgs, args)) cmd.add("-XX:+UseParallelGC");
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(main.getName());
            cmd.addAll(Arrays.asList(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put("PEARL_NO_RELAUNCH", "1");
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            System.exit(p.waitFor());
        } catch (Exception e) {
            System.err.println("pearl: could not restart with the Vector API (" + e.getMessage() + "); continuing on the scalar path");
        }
    }
}
