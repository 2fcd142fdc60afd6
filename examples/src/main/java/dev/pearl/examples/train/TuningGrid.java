package dev.pearl.examples.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trials of a tuning grid (every combination of its axes' values, the first axis outermost)
 * and the verdict on their scores: the best trial, unless it diverged like all the others or lies
 * on an edge of an axis, where a better value may lie beyond the grid.
 */
final class TuningGrid {
    /** How many values past an edge the suggested grid adds. */
    private static final int EXTENSION = 2;

    /** The chosen trial (index into the trials), or -1 and the one-line reason none was chosen. */
    record Verdict(int chosen, String refusal) {
        boolean refused() {
            return chosen < 0;
        }
    }

    private final List<GridAxis> axes;

    TuningGrid(List<GridAxis> axes) {
        this.axes = List.copyOf(axes);
    }

    List<GridAxis> axes() {
        return axes;
    }

    /** Each trial's values, one per axis. */
    List<List<Double>> points() {
        List<List<Double>> points = new ArrayList<>();
        points.add(List.of());
        for (GridAxis axis : axes) {
            List<List<Double>> next = new ArrayList<>();
            for (List<Double> p : points)
                for (double v : axis.values()) {
                    List<Double> q = new ArrayList<>(p);
                    q.add(v);
                    next.add(q);
                }
            points = next;
        }
        return points;
    }

    /** A trial's train options: "--learning-rate", "0.001", "--max-momentum", "0.99". */
    List<String> flags(List<Double> point) {
        List<String> flags = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            flags.add(axes.get(a).flag());
            flags.add(axes.get(a).text(point.get(a)));
        }
        return flags;
    }

    private int edgeCount(List<Double> point) {
        int n = 0;
        for (int a = 0; a < axes.size(); a++) if (axes.get(a).edge(point.get(a)) != 0) n++;
        return n;
    }

    /**
     * The lowest score wins (of equal ones, the one with the fewest values on an edge, then the first). Refused when every score is +inf, or when
     * the winner lies on an edge of an axis with {@link GridAxis#MIN_VALUES_FOR_EDGES} or more
     * values; the reason names the edge, the winner's score as {@code measure} (e.g. "train loss")
     * and the --grid option of the grid extended past it.
     */
    Verdict judge(List<List<Double>> points, double[] scores, String measure) {
        if (points.size() != scores.length) throw new IllegalArgumentException(points.size() + " trials but " + scores.length + " scores");
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] < Double.POSITIVE_INFINITY)) continue;
            // Of equal scores (a knob that made no difference in the budget), the trial with the fewest values on an edge.
            if (best < 0 || scores[i] < scores[best] || scores[i] == scores[best] && edgeCount(points.get(i)) < edgeCount(points.get(best))) best = i;
        }
        if (best < 0) return new Verdict(-1, "every trial diverged or failed; try smaller learning rates or more damping");
        List<String> edges = new ArrayList<>(), extended = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            GridAxis axis = axes.get(a);
            double v = points.get(best).get(a);
            int side = axis.edge(v);
            if (side == 0) continue;
            edges.add(String.format(Locale.ROOT, "%s %s on the grid's %s edge", axis.flag(), axis.text(v), side < 0 ? "lower" : "upper"));
            extended.add("--grid " + GridAxis.gridOption(axis.flag(), axis.extended(side, EXTENSION), axis.integral()));
        }
        if (edges.isEmpty()) return new Verdict(best, "");
        return new Verdict(-1, String.format(Locale.ROOT, "the best trial (%s, %s %s) has %s; a better value may lie beyond it, "
                + "so none is chosen: tune again with %s", String.join(" ", flags(points.get(best))), measure, Format.error(scores[best]),
                String.join(" and ", edges), String.join(" ", extended)));
    }
}
