package dev.pearl.examples.data.sequence;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a task's events fall in one sequence: a length drawn from a span of T, then one step per
 * marker span, in order. Step 0 is kept for a start marker and the last {@code tail} steps for the
 * end (the cue and the target), so every marker span must fit between them for the shortest length.
 */
final class StepLayout {
    /** One sequence's draw: its length and its marker steps, in the order of the spans. */
    record Draw(int length, int[] markers) {
        int last() {
            return length - 1;
        }
    }

    private final String task;
    private final Span length;
    private final int tail;
    private final List<Span> markers;

    StepLayout(String task, Span length, int tail, List<Span> markers) {
        this.task = task;
        this.length = length;
        this.tail = tail;
        this.markers = List.copyOf(markers);
    }

    /** The last step of the shortest sequence at nominal length t. */
    int lastStepOfShortest(int t) {
        return length.low(t, 1) - 1;
    }

    /** The longest sequence at nominal length T: the batch's number of steps. */
    int maxLength(int t) {
        return Math.max(length.low(t, 1), length.high(t) - 1);
    }

    /** Throws a one-line error when T leaves a marker span empty, overlapping or past the end. */
    void check(int t) {
        if (t < 1) throw new IllegalArgumentException(task + ": length T must be >= 1, got " + t);
        int shortest = length.low(t, 1);
        int previousEnd = 1;
        for (Span s : markers) {
            int lo = s.low(t, 1), hi = s.high(t);
            if (lo >= hi) throw new IllegalArgumentException(task + ": length T = " + t + " is too short: the " + s.describe(t, 1) + " are empty");
            if (lo < previousEnd)
                throw new IllegalArgumentException(task + ": length T = " + t + " is too short: the " + s.describe(t, 1) + " overlap the marker before");
            previousEnd = hi;
        }
        if (previousEnd > shortest - tail)
            throw new IllegalArgumentException(task + ": length T = " + t + " is too short: markers reach step " + (previousEnd - 1)
                    + " but sequences of length " + shortest + " keep their last " + tail + " steps for the end");
    }

    Draw draw(SplittableRandom random, int t) {
        int lo = length.low(t, 1);
        int len = length.high(t) > lo ? random.nextInt(lo, length.high(t)) : lo;
        int[] steps = new int[markers.size()];
        for (int i = 0; i < steps.length; i++) steps[i] = markers.get(i).draw(random, t, 1);
        return new Draw(len, steps);
    }
}
