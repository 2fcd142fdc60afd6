package dev.pearl.examples;

import dev.pearl.examples.bench.BenchCommand;
import dev.pearl.examples.custom.CustomModelCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pearl} command. With no arguments it runs the default job; sub-commands run the
 * benchmarks and demos.
 */
@Command(name = "pearl", mixinStandardHelpOptions = true, version = "pearl 0.1.0",
        description = "Automatic differentiation with exact curvature products, and Hessian-free optimisation.",
        subcommands = {RosenbrockCommand.class, BenchCommand.class, CustomModelCommand.class})
public final class PearlCli implements Runnable {

    public static void main(String[] args) {
        VectorModule.relaunchWithVectorApiIfMissing(PearlCli.class, args);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; errors print as one line, not a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new PearlCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pearl: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (System.getenv("PEARL_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    /** The default job (no sub-command): the Rosenbrock Newton-CG demo. */
    @Override
    public void run() {
        new CommandLine(new RosenbrockCommand()).execute();
    }
}
