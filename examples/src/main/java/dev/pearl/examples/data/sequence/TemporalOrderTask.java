package dev.pearl.examples.data.sequence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Temporal order with 2 or 3 special symbols among 8 one-hot symbols: 0–3 noise, 4 = X, 5 = Y,
 * 6 = "predict now" (the last step), 7 = start (step 0). The class is the order of X/Y at the
 * special steps read as binary digits (XX = 0, XY = 1, ...): 4 or 8 classes, cycling with the case
 * index so they are balanced.
 */
final class TemporalOrderTask implements SequenceTask {
    private static final int NOISE_SYMBOLS = 4, X = 4, PREDICT = 6, START = 7;

    private final String name;
    private final int specials;
    private final StepLayout layout;

    private TemporalOrderTask(String name, List<Span> specials) {
        this.name = name;
        this.specials = specials.size();
        this.layout = new StepLayout(name, Span.halfOpen("length", 1.0, 1.1), 1, specials);
    }

    static SequenceTask twoSymbols() {
        return new TemporalOrderTask("temporal-order-2", List.of(Span.closed("first special", 0.01, 0.1), Span.closed("second special", 0.4, 0.5)));
    }

    static SequenceTask threeSymbols() {
        return new TemporalOrderTask("temporal-order-3", List.of(Span.closed("first special", 0.01, 0.1),
                Span.closed("second special", 0.3, 0.4), Span.closed("third special", 0.5, 0.6)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return 8;
    }

    @Override
    public int outputs() {
        return 1 << specials;
    }

    @Override
    public OutputKind kind() {
        return OutputKind.CLASSES;
    }

    @Override
    public int firstTargetStep(int length) {
        return layout.lastStepOfShortest(length); // the only target is at a sequence's last step
    }

    @Override
    public SequenceSet generate(int cases, int length, long seed) {
        layout.check(length);
        SequenceBuilder out = new SequenceBuilder(name, kind(), cases, layout.maxLength(length), inputs(), outputs());
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = SequenceTask.random(seed, n);
            StepLayout.Draw draw = layout.draw(random, length);
            out.length(n, draw.length());
            int label = n % outputs();
            int[] symbols = new int[draw.length()];
            for (int t = 1; t < draw.last(); t++) symbols[t] = random.nextInt(NOISE_SYMBOLS);
            for (int i = 0; i < specials; i++) symbols[draw.markers()[i]] = X + ((label >> (specials - 1 - i)) & 1);
            symbols[0] = START;
            symbols[draw.last()] = PREDICT;
            for (int t = 0; t < draw.length(); t++) out.symbol(n, t, symbols[t]);
            out.targetClass(n, draw.last(), true, label);
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
