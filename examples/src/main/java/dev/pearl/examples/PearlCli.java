package dev.pearl.examples;

import dev.pearl.examples.bench.BenchCommand;
import dev.pearl.examples.custom.CustomModelCommand;
import dev.pearl.examples.compare.CompareCommand;
import dev.pearl.examples.train.TrainCommand;
import dev.pearl.examples.train.TuneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code pearl} command. With no arguments it runs the default job, {@code train} with its
 * defaults (the CURVES auto-encoder with HF); sub-commands run the benchmarks and demos.
 */
@Command(name = "pearl", mixinStandardHelpOptions = true, versionProvider = PearlCli.Version.class,
        description = {"Automatic differentiation with exact curvature products, and Hessian-free optimisation.",
                "With no arguments: 'train' with its defaults (the CURVES deep auto-encoder trained with HF for about ten minutes)."},
        subcommands = {TrainCommand.class, TuneCommand.class, RosenbrockCommand.class, BenchCommand.class, CompareCommand.class, CustomModelCommand.class,
                DevicesCommand.class})
public final class PearlCli implements Callable<Integer> {
    static final String DEFAULT_COMMAND = "train";

    public static void main(String[] args) {
        VectorModule.relaunchWithVectorApiIfMissing(PearlCli.class, args);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; errors print as one line, not a stack trace. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new PearlCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pearl: " + ErrorMessages.oneLine(ex));
            if (System.getenv("PEARL_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return 1;
        });
        cli.setParameterExceptionHandler((ex, params) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("pearl: " + ErrorMessages.oneLine(ex) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            cmd.getErr().flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args.length == 0 ? new String[]{DEFAULT_COMMAND} : args);
    }

    /** "pearl 0.2.0": the build's version, which the build writes into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = PearlCli.class.getResourceAsStream("version.properties")) {
                if (in == null) throw new IOException("version.properties is missing from the build");
                build.load(in);
            }
            return new String[]{"pearl " + build.getProperty("version")};
        }
    }

    /** Reached only through the API without a sub-command: run the default job. */
    @Override
    public Integer call() {
        return run(DEFAULT_COMMAND);
    }
}
