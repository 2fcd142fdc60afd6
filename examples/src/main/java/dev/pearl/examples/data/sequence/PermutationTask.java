package dev.pearl.examples.data.sequence;

import java.util.SplittableRandom;

/**
 * Random permutation: 100 one-hot symbols over exactly T steps. Step 0 shows symbol 0 or 1
 * (alternating with the case index), the rest random symbols from 2–99. The net predicts the next
 * symbol at every step; at the last step the "next" symbol is the first one again, and only that
 * prediction judges success (the others are unpredictable noise).
 */
final class PermutationTask implements SequenceTask {
    private static final int SYMBOLS = 100, FIRST_CHOICES = 2;

    @Override
    public String name() {
        return "random-permutation";
    }

    @Override
    public int inputs() {
        return SYMBOLS;
    }

    @Override
    public int outputs() {
        return SYMBOLS;
    }

    @Override
    public OutputKind kind() {
        return OutputKind.CLASSES;
    }

    @Override
    public SequenceSet generate(int cases, int length, long seed) {
        if (length < 2) throw new IllegalArgumentException(name() + ": length T must be >= 2, got " + length);
        SequenceBuilder out = new SequenceBuilder(name(), kind(), cases, length, inputs(), outputs());
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = SequenceTask.random(seed, n);
            out.length(n, length);
            int[] symbols = new int[length];
            symbols[0] = n % FIRST_CHOICES;
            for (int t = 1; t < length; t++) symbols[t] = random.nextInt(FIRST_CHOICES, SYMBOLS);
            for (int t = 0; t < length; t++) {
                out.symbol(n, t, symbols[t]);
                boolean last = t == length - 1;
                out.targetClass(n, t, last, last ? symbols[0] : symbols[t + 1]);
            }
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name();
    }
}
