package dev.pearl.examples.train;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends {@code train --help} with every optimizer's settings and their defaults, read from the
 * settings records themselves, so that the help cannot drift from the code.
 */
public final class OptimizerHelp implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
        footer.add("");
        footer.add("Optimizers (--optimizer NAME) and the defaults of their settings (hf's for " + TrainDefaults.CURVES_TRAIN_SIZE
                + " training images; see its options for smaller sets):");
        footer.addAll(Optimizers.defaultsLines(TrainDefaults.CURVES_TRAIN_SIZE, spec.usageMessage().width()));
        spec.usageMessage().footer(footer.toArray(String[]::new));
        return spec;
    }
}
