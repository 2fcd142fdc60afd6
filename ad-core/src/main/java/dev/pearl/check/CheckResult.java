package dev.pearl.check;

/**
 * The outcome of one derivative check: which check, at which input, along which directions,
 * where the two computations differed most (an output element, or a dot product), the two
 * numbers, their difference and the difference allowed. {@link #assertOk()} turns a failure into
 * an {@link AssertionError} carrying all of that.
 *
 * <p>A NaN on either side is a failure: NaN is never "close".
 */
public final class CheckResult {
    private final String check;
    private final String input;
    private final String directions;
    private final String location;
    private final String firstLabel;
    private final double first;
    private final String secondLabel;
    private final double second;
    private final double error;
    private final double allowed;
    private final String allowance;

    CheckResult(String check, String input, String directions, String location,
                String firstLabel, double first, String secondLabel, double second,
                double error, double allowed, String allowance) {
        this.check = check;
        this.input = input;
        this.directions = directions;
        this.location = location;
        this.firstLabel = firstLabel;
        this.first = first;
        this.secondLabel = secondLabel;
        this.second = second;
        this.error = error;
        this.allowed = allowed;
        this.allowance = allowance;
    }

    /**
     * Whether the difference is within the allowance (false when either side is NaN).
     *
     * @return error() &lt;= allowed()
     */
    public boolean ok() {
        return error <= allowed;
    }

    /**
     * Returns this result when ok, else throws an AssertionError with {@link #message()}.
     *
     * @return this result
     * @throws AssertionError if the check failed
     */
    public CheckResult assertOk() {
        if (!ok()) throw new AssertionError(message());
        return this;
    }

    /**
     * Which check this is, e.g. "jvp vs central differences".
     *
     * @return the check's name
     */
    public String check() {
        return check;
    }

    /**
     * Where the two sides differed most relative to the allowance, e.g. {@code "out[1,2]"} or {@code "<u, J v>"}.
     *
     * @return the location's description
     */
    public String location() {
        return location;
    }

    /**
     * The value computed by the derivative under test (e.g. AD's J v) at {@link #location()}.
     *
     * @return the value under test
     */
    public double first() {
        return first;
    }

    /**
     * The value it is compared against (e.g. the finite difference) at {@link #location()}.
     *
     * @return the reference value
     */
    public double second() {
        return second;
    }

    /**
     * |first - second| at {@link #location()} (NaN when either is NaN).
     *
     * @return the difference
     */
    public double error() {
        return error;
    }

    /**
     * The largest difference the tolerance allows there.
     *
     * @return the allowance
     */
    public double allowed() {
        return allowed;
    }

    /**
     * A multi-line report: check, input, directions, location, the two values, the difference and
     * the allowance.
     *
     * @return the report
     */
    public String message() {
        return check + (ok() ? " ok" : " FAILED")
                + "\n  input:      " + input
                + "\n  directions: " + directions
                + "\n  worst at:   " + location
                + "\n  " + firstLabel + " = " + first + ", " + secondLabel + " = " + second
                + "\n  |difference| " + error + (ok() ? " <= " : " > ") + "allowed " + allowed + " (" + allowance + ")";
    }

    /**
     * Throws one AssertionError listing every failed result; returns quietly when all are ok.
     *
     * @param results the results to check
     * @throws AssertionError if any result failed
     */
    public static void assertAllOk(java.util.Collection<CheckResult> results) {
        StringBuilder sb = new StringBuilder();
        int failed = 0;
        for (CheckResult r : results) {
            if (r.ok()) continue;
            failed++;
            sb.append('\n').append(r.message());
        }
        if (failed > 0) throw new AssertionError(failed + " of " + results.size() + " checks failed:" + sb);
    }

    @Override
    public String toString() {
        return message();
    }
}
