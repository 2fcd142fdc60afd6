package dev.pearl.check;

import dev.pearl.Params;

/** Turns two computed quantities into a {@link CheckResult}. */
final class Comparisons {
    private Comparisons() {
    }

    /**
     * Element by element, with the scale of the larger of the two vectors; reports the element
     * with the largest error relative to the allowance (a NaN wins at once).
     */
    static CheckResult elementwise(String check, String input, String directions,
                                   String firstLabel, HostParams first, String secondLabel, HostParams second, Tolerance tol) {
        if (!first.names.equals(second.names) || !first.shapes.equals(second.shapes))
            throw new IllegalArgumentException(check + ": results have different structure: " + first.names + " " + first.shapes
                    + " vs " + second.names + " " + second.shapes);
        double scale = Math.max(first.maxAbs(), second.maxAbs());
        double allowed = tol.allowed(scale);
        int worstTensor = -1, worstIndex = -1;
        double worstError = -1;
        for (int i = 0; i < first.values.length && !Double.isNaN(worstError); i++) {
            for (int j = 0; j < first.values[i].length; j++) {
                double e = Math.abs(first.values[i][j] - second.values[i][j]);
                if (Double.isNaN(e) || e > worstError) {
                    worstError = e;
                    worstTensor = i;
                    worstIndex = j;
                    if (Double.isNaN(e)) break;
                }
            }
        }
        if (worstTensor < 0)
            return new CheckResult(check, input, directions, "(no elements)", firstLabel, 0, secondLabel, 0, 0, allowed, describe(tol, scale));
        return new CheckResult(check, input, directions, first.elementName(worstTensor, worstIndex),
                firstLabel, first.values[worstTensor][worstIndex], secondLabel, second.values[worstTensor][worstIndex],
                worstError, allowed, describe(tol, scale));
    }

    /** Two numbers that should agree, compared at the given scale. */
    static CheckResult scalar(String check, String input, String directions, String location,
                              String firstLabel, double first, String secondLabel, double second, double scale, Tolerance tol) {
        return new CheckResult(check, input, directions, location, firstLabel, first, secondLabel, second,
                Math.abs(first - second), tol.allowed(scale), describe(tol, scale));
    }

    /** A number that should not be below zero by more than the allowance at the given scale. */
    static CheckResult nonNegative(String check, String input, String directions, String location,
                                   String label, double value, double scale, Tolerance tol) {
        double shortfall = Double.isNaN(value) ? Double.NaN : Math.max(0, -value);
        return new CheckResult(check, input, directions, location, label, value, "lower bound", 0,
                shortfall, tol.allowed(scale), describe(tol, scale) + "; difference = how far below 0");
    }

    private static String describe(Tolerance tol, double scale) {
        return tol + ", scale " + scale;
    }

    /** "x=Tensor[2] float64 [1.0, 2.0], w=..." (values shown for small tensors). */
    static String describe(Params p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(p.name(i)).append('=').append(p.get(i));
        }
        return sb.toString();
    }
}
