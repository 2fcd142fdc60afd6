package dev.pearl.examples.data.sequence;

import java.util.SplittableRandom;

/**
 * Noiseless memorisation over T steps in all: a string of N characters over K symbols is shown
 * on steps 0 … N−1, blanks follow, a signal comes at step T − N − 1, and on the last N steps
 * (blank inputs) the net must output the string. Before that it must output "blank": every step
 * has a target and is judged. Inputs are one-hot over the K symbols, blank and signal; outputs over
 * the K symbols and blank. 5-bit: N = 5, K = 2; 20-bit: N = 10, K = 5 (5¹⁰ ≈ 2²⁰ strings). A batch
 * of exactly K^N cases holds every string once (case n is string n in base K); other batch sizes
 * draw the strings at random.
 */
final class MemorisationTask implements SequenceTask {
    private final String name;
    private final int characters, symbols;

    private MemorisationTask(String name, int characters, int symbols) {
        this.name = name;
        this.characters = characters;
        this.symbols = symbols;
    }

    static SequenceTask fiveBit() {
        return new MemorisationTask("memorisation-5bit", 5, 2);
    }

    static SequenceTask twentyBit() {
        return new MemorisationTask("memorisation-20bit", 10, 5);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return symbols + 2;
    }

    @Override
    public int outputs() {
        return symbols + 1;
    }

    @Override
    public OutputKind kind() {
        return OutputKind.CLASSES;
    }

    @Override
    public SequenceSet generate(int cases, int length, long seed) {
        if (length < 2 * characters + 1)
            throw new IllegalArgumentException(name + ": length T = " + length + " is too short: it must hold " + characters
                    + " characters, the signal and " + characters + " outputs (T >= " + (2 * characters + 1) + ")");
        int blank = symbols, signal = symbols + 1, signalStep = length - characters - 1;
        SequenceBuilder out = new SequenceBuilder(name, kind(), cases, length, inputs(), outputs());
        boolean everyString = cases == Math.pow(symbols, characters);
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = SequenceTask.random(seed, n);
            out.length(n, length);
            int code = n;
            int[] string = new int[characters];
            for (int i = characters - 1; i >= 0; i--) {
                string[i] = everyString ? code % symbols : random.nextInt(symbols);
                code /= symbols;
            }
            for (int t = 0; t < length; t++) {
                boolean output = t > signalStep;
                out.symbol(n, t, t < characters ? string[t] : t == signalStep ? signal : blank);
                out.targetClass(n, t, true, output ? string[t - signalStep - 1] : blank);
            }
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
