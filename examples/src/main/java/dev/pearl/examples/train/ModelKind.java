package dev.pearl.examples.train;

import dev.pearl.hf.problem.WeightCost;
import dev.pearl.tensor.DType;

import java.util.Locale;
import java.util.Map;

/** The --model values: what {@code pearl train} trains. */
enum ModelKind {
    /** The deep auto-encoders of Hinton and Salakhutdinov (2006) on CURVES or MNIST-format images. */
    AUTOENCODER("autoencoder"),
    /** A LeNet-5-like classifier of labelled 28x28 images, e.g. Fashion-MNIST. */
    LENET("lenet"),
    /** A tanh RNN on a generated long-term-dependency problem (--task), after Martens and Sutskever (2011). */
    RNN("rnn");

    private final String key;

    ModelKind(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Whether the model declares structural values (its hidden states) for HF's structural damping to act on. */
    boolean hasStructuralValues() {
        return this == RNN;
    }

    /** --weight-cost when not given: Martens' for the image models, Sutskever's RNN code's for the RNN. */
    double weightCost() {
        return this == RNN ? SequenceDefaults.WEIGHT_COST : WeightCost.MARTENS_COEFFICIENT;
    }

    /**
     * Settings of {@code choice} (by setting key) that a new run of this model starts from in place
     * of the optimizer's own defaults; tuned and given values still override them. The RNN takes
     * HF's from Martens &amp; Sutskever's code ({@link SequenceDefaults}); {@code gradientBatch} is the
     * one given or tuned (null: none).
     */
    Map<String, Object> settingDefaults(OptimizerChoice<?> choice, SequenceSpec sequence, int trainSize, Integer gradientBatch) {
        return this == RNN && choice == Optimizers.HF ? SequenceDefaults.hf(sequence, trainSize, gradientBatch) : Map.of();
    }

    /**
     * --dtype when not given: float32, but float64 for the RNN, whose line search must resolve loss
     * decreases that a float32 sum over 1,000 sequences rounds away (addition at T = 100 stalls at
     * the trivial solution in float32; docs/results/sequence-tasks).
     */
    DType defaultDType() {
        return this == RNN ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** Where this model's own defaults come from, for the run's summary; empty when it has none. */
    String defaultsSource() {
        return this == RNN ? "HF, weight cost and init after Martens & Sutskever (2011) and Sutskever's released code" : "";
    }

    /** A --model value; null means the default, the auto-encoder. */
    static ModelKind parse(String name) {
        if (name == null) return AUTOENCODER;
        for (ModelKind k : values()) if (k.key.equals(name.toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown --model '" + name + "' (expected autoencoder, lenet or rnn)");
    }
}
