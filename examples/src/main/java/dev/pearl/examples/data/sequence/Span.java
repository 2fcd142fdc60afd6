package dev.pearl.examples.data.sequence;

import java.util.SplittableRandom;

/**
 * A range of steps given as fractions of the nominal length T: [from·T, to·T) or, closed,
 * [from·T, to·T]. Bounds are floored, as integer division does in the tasks' published code.
 */
record Span(String name, double from, double to, boolean closed) {

    static Span halfOpen(String name, double from, double to) {
        return new Span(name, from, to, false);
    }

    static Span closed(String name, double from, double to) {
        return new Span(name, from, to, true);
    }

    /** First step, never below {@code floor} (step 0 carries a start marker). */
    int low(int length, int floor) {
        return Math.max(floor, (int) Math.floor(from * length + 1e-9));
    }

    /** One past the last step. */
    int high(int length) {
        return (int) Math.floor(to * length + 1e-9) + (closed ? 1 : 0);
    }

    int draw(SplittableRandom random, int length, int floor) {
        return random.nextInt(low(length, floor), high(length));
    }

    String describe(int length, int floor) {
        return name + " steps [" + low(length, floor) + ", " + high(length) + ") (" + from + "·T to " + to + "·T" + (closed ? " inclusive" : "") + ")";
    }
}
