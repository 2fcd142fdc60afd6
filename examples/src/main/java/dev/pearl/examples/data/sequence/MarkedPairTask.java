package dev.pearl.examples.data.sequence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Addition, multiplication and XOR: two channels per step, values on channel 0 and markers on
 * channel 1 (−1 at step 0, +1 at the two operand steps, −1 three steps before the last step);
 * the target at the last step combines the two marked values.
 */
final class MarkedPairTask implements SequenceTask {
    /** How a task draws the value of a step. */
    private interface Values {
        float draw(SplittableRandom random);
    }

    /** How the target follows from the two marked values. */
    private interface Combiner {
        float apply(float a, float b);
    }

    private static final int MARKER = 1, END_MARKER_BEFORE_LAST = 3;
    /** Uniform in [0, 1) exactly in float: a 24-bit fraction (a rounded double could reach 1). */
    private static final Values UNIFORM = random -> random.nextInt(1 << 24) / (float) (1 << 24);
    private static final Values BITS = random -> random.nextInt(2);

    private final String name;
    private final OutputKind kind;
    private final StepLayout layout;
    private final Values values;
    private final Combiner combiner;

    private MarkedPairTask(String name, OutputKind kind, Span length, Span first, Span second, Values values, Combiner combiner) {
        this.name = name;
        this.kind = kind;
        this.layout = new StepLayout(name, length, END_MARKER_BEFORE_LAST + 1, List.of(first, second));
        this.values = values;
        this.combiner = combiner;
    }

    static SequenceTask addition() {
        return real("addition", Float::sum);
    }

    static SequenceTask multiplication() {
        return real("multiplication", (a, b) -> a * b);
    }

    private static SequenceTask real(String name, Combiner combiner) {
        return new MarkedPairTask(name, OutputKind.REAL, Span.halfOpen("length", 1.0, 1.1),
                Span.halfOpen("first operand", 0.01, 0.1), Span.halfOpen("second operand", 0.1, 0.5), UNIFORM, combiner);
    }

    static SequenceTask xor() {
        return new MarkedPairTask("xor", OutputKind.BINARY, Span.halfOpen("length", 0.5, 0.55),
                Span.halfOpen("first operand", 0.01, 0.1), Span.halfOpen("second operand", 0.15, 0.25), BITS, (a, b) -> a != b ? 1f : 0f);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return 2;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public OutputKind kind() {
        return kind;
    }

    @Override
    public int firstTargetStep(int length) {
        return layout.lastStepOfShortest(length); // the only target is at a sequence's last step
    }

    @Override
    public SequenceSet generate(int cases, int length, long seed) {
        layout.check(length);
        SequenceBuilder out = new SequenceBuilder(name, kind, cases, layout.maxLength(length), inputs(), outputs());
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = SequenceTask.random(seed, n);
            StepLayout.Draw draw = layout.draw(random, length);
            out.length(n, draw.length());
            for (int t = 0; t < draw.length(); t++) out.input(n, t, 0, values.draw(random));
            float[] operands = {values.draw(random), values.draw(random)};
            for (int i = 0; i < 2; i++) {
                out.input(n, draw.markers()[i], 0, operands[i]);
                out.input(n, draw.markers()[i], MARKER, 1f);
            }
            out.input(n, 0, MARKER, -1f);
            out.input(n, draw.last() - END_MARKER_BEFORE_LAST, MARKER, -1f);
            out.target(n, draw.last(), true, combiner.apply(operands[0], operands[1]));
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
