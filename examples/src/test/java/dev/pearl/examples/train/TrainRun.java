package dev.pearl.examples.train;

import dev.pearl.examples.PearlCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.pearl.examples.train.ResumeTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Runs {@code pearl train} in-process on a tiny problem and keeps what it printed. */
record TrainRun(int exitCode, String out, String err) {
    /** A small auto-encoder on 200 CURVES images in float64: a few iterations take about a second. */
    static final List<String> TINY = List.of("--train-size", "200", "--test-size", "100", "--dtype", "float64",
            "--layers", "784,32,6,32,784", "--threads", "1");

    static TrainRun train(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(TINY);
        if (out != null) args.addAll(List.of("--out", out.toString()));
        args.addAll(Arrays.asList(options));
        return pearl(args.toArray(String[]::new));
    }

    static TrainRun pearl(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new TrainRun(code, out.toString(), err.toString());
    }

    /** Runs {@code pearl args}, asserting that it fails with one line of error and no stack trace. */
    static TrainRun failing(String... args) {
        TrainRun run = pearl(args);
        assertNotEquals(0, run.exitCode(), "should fail: " + String.join(" ", args));
        assertOneLine(run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }
}
