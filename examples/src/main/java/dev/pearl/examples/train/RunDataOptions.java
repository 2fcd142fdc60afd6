package dev.pearl.examples.train;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The data and network options that commands running `train` for you (tune, compare) pass on to
 * it unchanged: one declaration, so that their names, defaults and help stay train's.
 */
public final class RunDataOptions {
    /** What train_error measures on the auto-encoders. */
    static final String SQUARED_ERROR = "squared error per image summed over its pixels, no 1/2 (Martens 2010's measure)";
    /** What train_error measures on a --task: one minus the solved fraction. */
    static final String UNSOLVED = "fraction of training sequences not solved (within 0.04 of a real target, on a bit's side of 0.5, "
            + "the right class; docs/sequence-tasks.md)";

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--dataset", paramLabel = "curves|mnist-idx:DIR", description = "As for train (default: curves).")
    String dataset;

    @Option(names = "--train-size", paramLabel = "N", description = "As for train.")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "As for train.")
    Integer testSize;

    @Option(names = "--dtype", paramLabel = "float32|float64", description = "As for train (default: float32; float64 for --task).")
    String dtype;

    @Option(names = "--layers", paramLabel = "SIZES", hidden = true, description = "As for train.")
    String layers;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: all processors).")
    Integer threads;

    /** The options given, as train's arguments. */
    public List<String> trainArguments() {
        List<String> args = new ArrayList<>();
        args.addAll(task.trainArguments());
        if (dataset != null) args.addAll(List.of("--dataset", dataset));
        if (trainSize != null) args.addAll(List.of("--train-size", trainSize.toString()));
        if (testSize != null) args.addAll(List.of("--test-size", testSize.toString()));
        if (dtype != null) args.addAll(List.of("--dtype", dtype));
        if (layers != null) args.addAll(List.of("--layers", layers));
        if (threads != null) args.addAll(List.of("--threads", threads.toString()));
        return args;
    }

    /** What the runs' train error measures, in words for tables: "fraction of training sequences not solved (...)". */
    public String errorMeasure() {
        return task.name != null ? UNSOLVED : SQUARED_ERROR;
    }

    /** The data options as train reads them. */
    RunOptions asRunOptions() {
        RunOptions o = new RunOptions();
        o.task = task;
        o.dataset = dataset;
        o.trainSize = trainSize;
        o.testSize = testSize;
        o.dtype = dtype;
        o.layers = layers;
        return o;
    }
}
