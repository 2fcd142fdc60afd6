package dev.pearl.examples.train;

import java.util.Locale;

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

    /** A --model value; null means the default, the auto-encoder. */
    static ModelKind parse(String name) {
        if (name == null) return AUTOENCODER;
        for (ModelKind k : values()) if (k.key.equals(name.toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown --model '" + name + "' (expected autoencoder, lenet or rnn)");
    }
}
