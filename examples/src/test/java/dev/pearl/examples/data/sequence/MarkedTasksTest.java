package dev.pearl.examples.data.sequence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addition, multiplication and XOR: marker steps in the paper's ranges and targets that follow from the inputs. */
class MarkedTasksTest {
    private static final int T = 100;

    /** Steps whose marker channel holds {@code value}. */
    private static List<Integer> marked(SequenceSet s, int n, float value) {
        List<Integer> steps = new ArrayList<>();
        for (int t = 0; t < s.steps(); t++) if (s.input(n, t, 1) == value) steps.add(t);
        return steps;
    }

    private static void checkLayout(SequenceTask task, int lengthLow, int lengthHigh, int[] first, int[] second) {
        for (long seed = 0; seed < 20; seed++) {
            SequenceSet s = task.generate(50, T, seed);
            for (int n = 0; n < s.cases(); n++) {
                int length = s.length(n);
                assertTrue(length >= lengthLow && length < lengthHigh, task + " length " + length);
                List<Integer> plus = marked(s, n, 1f);
                assertEquals(2, plus.size(), "two operand markers");
                assertTrue(plus.get(0) >= first[0] && plus.get(0) < first[1], task + " first operand at " + plus.get(0));
                assertTrue(plus.get(1) >= second[0] && plus.get(1) < second[1], task + " second operand at " + plus.get(1));
                assertEquals(List.of(0, length - 4), marked(s, n, -1f), "start marker and the marker three steps before the target");
                for (int t = 0; t < s.steps(); t++) {
                    assertEquals(t == length - 1, s.hasTarget(n, t), "target only at the last step, case " + n + " step " + t);
                    if (t >= length) assertEquals(0f, s.input(n, t, 0), "padding after the end is zero");
                }
            }
        }
    }

    @Test
    void additionMarkersLieInTheirRanges() {
        checkLayout(SequenceTasks.byName("addition"), 100, 110, new int[]{1, 10}, new int[]{10, 50});
        checkLayout(SequenceTasks.byName("multiplication"), 100, 110, new int[]{1, 10}, new int[]{10, 50});
    }

    @Test
    void xorMarkersLieInTheirRanges() {
        checkLayout(SequenceTasks.byName("xor"), 50, 55, new int[]{1, 10}, new int[]{15, 25});
    }

    @Test
    void targetsCombineTheMarkedValues() {
        for (String name : List.of("addition", "multiplication", "xor")) {
            SequenceSet s = SequenceTasks.byName(name).generate(200, T, 7);
            for (int n = 0; n < s.cases(); n++) {
                List<Integer> plus = marked(s, n, 1f);
                float a = s.input(n, plus.get(0), 0), b = s.input(n, plus.get(1), 0);
                float expected = switch (name) {
                    case "addition" -> a + b;
                    case "multiplication" -> a * b;
                    default -> a != b ? 1 : 0;
                };
                assertEquals(expected, s.target(n, s.length(n) - 1, 0), name + " case " + n);
                if (name.equals("xor")) {
                    for (int t = 0; t < s.length(n); t++) assertTrue(s.input(n, t, 0) == 0f || s.input(n, t, 0) == 1f, "xor values are bits");
                } else {
                    assertTrue(a >= 0 && a < 1 && b >= 0 && b < 1, "operands uniform in [0, 1)");
                }
            }
        }
    }

    @Test
    void xorOperandPairsAllOccur() {
        SequenceSet s = SequenceTasks.byName("xor").generate(400, T, 3);
        int[] pairs = new int[4];
        for (int n = 0; n < s.cases(); n++) {
            List<Integer> plus = marked(s, n, 1f);
            pairs[(int) (2 * s.input(n, plus.get(0), 0) + s.input(n, plus.get(1), 0))]++;
        }
        for (int p = 0; p < 4; p++) assertTrue(pairs[p] > 60, "pair " + p + " drawn " + pairs[p] + " times of 400 (seeded)");
    }

    @Test
    void additionOperandsVaryAcrossCases() {
        SequenceSet s = SequenceTasks.byName("addition").generate(100, T, 3);
        double mean = 0;
        for (int n = 0; n < s.cases(); n++) mean += s.target(n, s.length(n) - 1, 0) / s.cases();
        assertTrue(Math.abs(mean - 1) < 0.15, "mean of a + b with a, b uniform in [0, 1): " + mean);
        assertFalse(s.target(0, s.length(0) - 1, 0) == s.target(1, s.length(1) - 1, 0));
    }
}
