package dev.pearl.examples.train;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of an RNN run on a long-term-dependency problem. Train declares them through
 * {@link RunOptions}, tune and compare through {@link RunDataOptions}: one declaration, so that their
 * names and help are the same everywhere. Each is null when not given.
 */
public final class TaskOptions {
    @Option(names = "--task", paramLabel = "NAME",
            description = "Train a tanh RNN (implies --model rnn) on a generated long-term-dependency problem: addition, "
                    + "multiplication, xor, temporal-order-2, temporal-order-3, random-permutation, memorisation-5bit or "
                    + "memorisation-20bit (docs/sequence-tasks.md). HF damps the hidden states (--structural-damping) and starts from "
                    + "Martens & Sutskever's (2011) settings; the train output lists them.")
    String name;

    @Option(names = "--length", paramLabel = "T", description = "--task: the nominal sequence length T (default: " + TrainDefaults.SEQUENCE_LENGTH + ").")
    Integer length;

    @Option(names = "--hidden", paramLabel = "N", description = "--task: the RNN's hidden tanh units (default: " + TrainDefaults.RNN_HIDDEN + ").")
    Integer hidden;

    /** The options given, as train's arguments. */
    List<String> trainArguments() {
        List<String> args = new ArrayList<>();
        if (name != null) args.addAll(List.of("--task", name));
        if (length != null) args.addAll(List.of("--length", length.toString()));
        if (hidden != null) args.addAll(List.of("--hidden", hidden.toString()));
        return args;
    }
}
