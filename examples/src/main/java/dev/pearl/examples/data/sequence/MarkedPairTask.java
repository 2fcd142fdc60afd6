package dev.pearl.examples.data.sequence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Addition, multiplication and XOR: two channels per step, values on channel 0 and markers on
 * channel 1 (−1 at step 0, +1 at the two operand steps, −1 three steps before the last step);
 * the target at the last step combines the two marked values.
 */
final class MarkedPairTask implements SequenceTask {
    /** How a task draws values and combines the two marked ones. */
    private interface Rule {
        float value(SplittableRandom random);

        float combine(float a, float b);
    }

    private static final int MARKER = 1, END_MARKER_BEFORE_LAST = 3;

    private final String name;
    private final OutputKind kind;
    private final StepLayout layout;
    private final Rule rule;

    private MarkedPairTask(String name, OutputKind kind, Span length, Span first, Span second, Rule rule) {
        this.name = name;
        this.kind = kind;
        this.layout = new StepLayout(name, length, END_MARKER_BEFORE_LAST + 1, List.of(first, second));
        this.rule = rule;
    }

    static SequenceTask addition() {
        return real("addition", Float::sum);
    }

    static SequenceTask multiplication() {
        return real("multiplication", (a, b) -> a * b);
    }

    private interface Combiner {
        float apply(float a, float b);
    }

    private static SequenceTask real(String name, Combiner combiner) {
        Rule uniform = new Rule() {
            @Override
            public float value(SplittableRandom random) {
                return (float) random.nextDouble();
            }

            @Override
            public float combine(float a, float b) {
                return combiner.apply(a, b);
            }
        };
        return new MarkedPairTask(name, OutputKind.REAL, Span.halfOpen("length", 1.0, 1.1),
                Span.halfOpen("first operand", 0.01, 0.1), Span.halfOpen("second operand", 0.1, 0.5), uniform);
    }

    static SequenceTask xor() {
        Rule bits = new Rule() {
            @Override
            public float value(SplittableRandom random) {
                return random.nextInt(2);
            }

            @Override
            public float combine(float a, float b) {
                return a != b ? 1f : 0f;
            }
        };
        return new MarkedPairTask("xor", OutputKind.BINARY, Span.halfOpen("length", 0.5, 0.55),
                Span.halfOpen("first operand", 0.01, 0.1), Span.halfOpen("second operand", 0.15, 0.25), bits);
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
    public SequenceSet generate(int cases, int length, long seed) {
        layout.check(length);
        SequenceBuilder out = new SequenceBuilder(name, kind, cases, layout.maxLength(length), inputs(), outputs());
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = SequenceTask.random(seed, n);
            StepLayout.Draw draw = layout.draw(random, length);
            out.length(n, draw.length());
            for (int t = 0; t < draw.length(); t++) out.input(n, t, 0, rule.value(random));
            float[] operands = {rule.value(random), rule.value(random)};
            for (int i = 0; i < 2; i++) {
                out.input(n, draw.markers()[i], 0, operands[i]);
                out.input(n, draw.markers()[i], MARKER, 1f);
            }
            out.input(n, 0, MARKER, -1f);
            out.input(n, draw.last() - END_MARKER_BEFORE_LAST, MARKER, -1f);
            out.target(n, draw.last(), true, rule.combine(operands[0], operands[1]));
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
