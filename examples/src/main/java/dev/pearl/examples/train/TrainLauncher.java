package dev.pearl.examples.train;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code pearl train} with given options inside this JVM, for the commands that run many
 * trainings ({@code tune}, {@code compare}): its output goes to a log file, its errors are thrown.
 */
public final class TrainLauncher {
    private TrainLauncher() {
    }

    /** Runs train with {@code args}, printing to {@code log}. */
    public static void run(List<String> args, Path log) throws IOException {
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            CommandLine train = new CommandLine(new TrainCommand());
            train.setOut(out);
            train.setErr(out);
            train.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                throw ex;
            });
            train.setParameterExceptionHandler((ex, parsed) -> {
                throw ex;
            });
            train.execute(args.toArray(String[]::new));
        }
    }

    /**
     * Parses {@code args} and resolves the run's configuration (reading a --settings file) without
     * loading data or training, so that a mistake in the tenth of many runs shows before the first.
     */
    public static void check(List<String> args) throws IOException {
        CommandLine train = new CommandLine(new TrainCommand());
        train.parseArgs(args.toArray(String[]::new));
        TrainCommand t = train.getCommand();
        String dataset = ConfigResolver.dataset(t.run);
        SettingsFile tuned = t.run.settings != null ? SettingsFile.read(t.run.settings) : null;
        ConfigResolver.fresh(t.run, tuned, dataset, ConfigResolver.requestedTrainSize(t.run, dataset),
                ConfigResolver.requestedTestSize(t.run, dataset), t.maxIterations, t.maxSeconds);
    }

    /**
     * One untimed iteration of train with {@code args} in {@code dir} (which is then deleted): the
     * first run in a JVM pays for compiling its kernels, which would cost the first timed run part
     * of its budget. A failure here is left for the timed run to report.
     */
    public static void warmUp(List<String> args, Path dir) throws IOException {
        List<String> once = new ArrayList<>(args);
        once.addAll(List.of("--out", dir.toString(), "--max-iterations", "1"));
        try {
            run(once, dir.resolve("train.log"));
        } catch (RuntimeException e) {
            // Reported by the timed runs, which use the same options.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
