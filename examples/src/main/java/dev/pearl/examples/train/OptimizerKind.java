package dev.pearl.examples.train;

import java.util.Locale;

/** The optimizers the train command can run. */
public enum OptimizerKind {
    HF("HF"),
    SGD("SGD with momentum");

    private final String label;

    OptimizerKind(String label) {
        this.label = label;
    }

    /** A name for people: "HF", "SGD with momentum". */
    public String label() {
        return label;
    }

    /** The name used on the command line and in file names: "hf", "sgd". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OptimizerKind parse(String s) {
        for (OptimizerKind k : values()) if (k.key().equalsIgnoreCase(s)) return k;
        throw new IllegalArgumentException("unknown optimizer '" + s + "' (expected hf or sgd)");
    }
}
