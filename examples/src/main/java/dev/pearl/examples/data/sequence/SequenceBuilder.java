package dev.pearl.examples.data.sequence;

import java.util.Arrays;

/** Fills a {@link SequenceSet}'s arrays: zero inputs and no targets until written. */
final class SequenceBuilder {
    private final String task;
    private final OutputKind kind;
    private final int cases, steps, inputs, outputs;
    private final float[] inputValues, targetValues;
    private final boolean[] judged;
    private final int[] lengths;

    SequenceBuilder(String task, OutputKind kind, int cases, int steps, int inputs, int outputs) {
        if (cases < 1) throw new IllegalArgumentException(task + ": batch size must be >= 1, got " + cases);
        this.task = task;
        this.kind = kind;
        this.cases = cases;
        this.steps = steps;
        this.inputs = inputs;
        this.outputs = outputs;
        this.inputValues = new float[Math.multiplyExact(Math.multiplyExact(cases, steps), inputs)];
        this.targetValues = new float[Math.multiplyExact(Math.multiplyExact(cases, steps), outputs)];
        Arrays.fill(targetValues, Float.NaN);
        this.judged = new boolean[cases * steps];
        this.lengths = new int[cases];
    }

    void length(int n, int length) {
        lengths[n] = length;
    }

    void input(int n, int t, int channel, float value) {
        inputValues[(n * steps + t) * inputs + channel] = value;
    }

    /** Input {@code symbol} as a one-hot vector. */
    void symbol(int n, int t, int symbol) {
        input(n, t, symbol, 1f);
    }

    /** A real or binary target on the step's outputs; it judges success when {@code judge}. */
    void target(int n, int t, boolean judge, float... values) {
        System.arraycopy(values, 0, targetValues, (n * steps + t) * outputs, outputs);
        judged[n * steps + t] = judge;
    }

    /** A one-hot class target. */
    void targetClass(int n, int t, boolean judge, int symbol) {
        float[] oneHot = new float[outputs];
        oneHot[symbol] = 1f;
        target(n, t, judge, oneHot);
    }

    SequenceSet build() {
        return new SequenceSet(task, kind, cases, steps, inputs, outputs, inputValues, targetValues, judged, lengths);
    }
}
