package dev.pearl.examples.data.sequence;

import java.util.SplittableRandom;

/**
 * Noiseless memorisation: a string of N characters over K symbols is shown one per step, then T
 * blanks, then a signal; on the N steps after the signal (blank inputs) the net must output the
 * string. Inputs are one-hot over K symbols, blank and signal; outputs are the K symbols. Every
 * output step is judged. 5-bit: N = 5, K = 2; 20-bit: N = 10, K = 5 (5¹⁰ ≈ 2²⁰ strings).
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
        return symbols;
    }

    @Override
    public OutputKind kind() {
        return OutputKind.CLASSES;
    }

    @Override
    public SequenceSet generate(int cases, int length, long seed) {
        if (length < 1) throw new IllegalArgumentException(name + ": length T (blank steps) must be >= 1, got " + length);
        int blank = symbols, signal = symbols + 1, signalStep = characters + length;
        int steps = signalStep + 1 + characters;
        SequenceBuilder out = new SequenceBuilder(name, kind(), cases, steps, inputs(), outputs());
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = SequenceTask.random(seed, n);
            out.length(n, steps);
            for (int t = 0; t < steps; t++) {
                if (t < characters) continue;
                out.symbol(n, t, t == signalStep ? signal : blank);
            }
            for (int i = 0; i < characters; i++) {
                int c = random.nextInt(symbols);
                out.symbol(n, i, c);
                out.targetClass(n, signalStep + 1 + i, true, c);
            }
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
