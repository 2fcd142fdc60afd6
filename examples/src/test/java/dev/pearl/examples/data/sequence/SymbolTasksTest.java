package dev.pearl.examples.data.sequence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Temporal order, random permutation and memorisation: one-hot symbols where the definitions put them. */
class SymbolTasksTest {
    private static int symbol(SequenceSet s, int n, int t, int width) {
        int found = -1;
        for (int c = 0; c < width; c++) {
            float v = s.input(n, t, c);
            if (v == 1f) {
                assertEquals(-1, found, "one-hot input at case " + n + " step " + t);
                found = c;
            } else assertEquals(0f, v);
        }
        return found;
    }

    private static int targetClass(SequenceSet s, int n, int t, int width) {
        int found = -1;
        for (int c = 0; c < width; c++) if (s.target(n, t, c) == 1f) found = c;
        return found;
    }

    private static void checkTemporalOrder(String name, int[][] ranges) {
        SequenceTask task = SequenceTasks.byName(name);
        int classes = 1 << ranges.length;
        int[] perClass = new int[classes];
        for (long seed = 0; seed < 10; seed++) {
            SequenceSet s = task.generate(80, 100, seed);
            for (int n = 0; n < s.cases(); n++) {
                int length = s.length(n);
                assertTrue(length >= 100 && length < 110);
                assertEquals(7, symbol(s, n, 0, 8), "start symbol");
                assertEquals(6, symbol(s, n, length - 1, 8), "predict-now symbol at the last step");
                List<Integer> specials = new ArrayList<>();
                int label = 0;
                for (int t = 1; t < length - 1; t++) {
                    int c = symbol(s, n, t, 8);
                    assertTrue(c <= 5, "noise 0-3 or X/Y between start and end, got " + c);
                    if (c >= 4) {
                        specials.add(t);
                        label = label * 2 + (c - 4);
                    }
                }
                assertEquals(ranges.length, specials.size(), "special symbols in case " + n);
                for (int i = 0; i < ranges.length; i++)
                    assertTrue(specials.get(i) >= ranges[i][0] && specials.get(i) <= ranges[i][1], name + " special " + i + " at " + specials.get(i));
                for (int t = 0; t < s.steps(); t++) assertEquals(t == length - 1, s.hasTarget(n, t));
                assertEquals(label, targetClass(s, n, length - 1, classes), "the class is the order of X and Y");
                perClass[label]++;
            }
        }
        for (int c = 0; c < classes; c++) assertEquals(800 / classes, perClass[c], "class " + c + " count");
    }

    @Test
    void temporalOrderTwo() {
        checkTemporalOrder("temporal-order-2", new int[][]{{1, 10}, {40, 50}});
    }

    @Test
    void temporalOrderThree() {
        checkTemporalOrder("temporal-order-3", new int[][]{{1, 10}, {30, 40}, {50, 60}});
    }

    @Test
    void randomPermutationPredictsTheNextSymbolAndFinallyTheFirst() {
        SequenceSet s = SequenceTasks.byName("random-permutation").generate(40, 30, 5);
        int[] first = new int[2];
        for (int n = 0; n < s.cases(); n++) {
            assertEquals(30, s.length(n));
            int x0 = symbol(s, n, 0, 100);
            assertTrue(x0 == 0 || x0 == 1);
            first[x0]++;
            for (int t = 0; t < 30; t++) {
                if (t > 0) assertTrue(symbol(s, n, t, 100) >= 2, "later symbols come from 2-99");
                int expected = t == 29 ? x0 : symbol(s, n, t + 1, 100);
                assertEquals(expected, targetClass(s, n, t, 100), "target at step " + t);
                assertEquals(t == 29, s.judged(n, t), "only the last step judges success");
            }
        }
        assertEquals(20, first[0]);
        assertEquals(20, first[1]);
    }

    @Test
    void memorisationOutputsTheStringAfterTheSignal() {
        for (String name : List.of("memorisation-5bit", "memorisation-20bit")) {
            int chars = name.endsWith("5bit") ? 5 : 10, k = name.endsWith("5bit") ? 2 : 5, length = 40, signal = length - chars - 1;
            SequenceSet s = SequenceTasks.byName(name).generate(30, length, 9);
            assertEquals(length, s.steps());
            for (int n = 0; n < s.cases(); n++)
                for (int t = 0; t < length; t++) {
                    int c = symbol(s, n, t, k + 2);
                    if (t < chars) assertTrue(c < k, "string characters first");
                    else assertEquals(t == signal ? k + 1 : k, c, "blanks, the signal at T - N - 1, then blanks");
                    assertTrue(s.judged(n, t), "every step has a judged target");
                    int expected = t > signal ? symbol(s, n, t - signal - 1, k + 2) : k;
                    assertEquals(expected, targetClass(s, n, t, k + 1), "blank, then the string, at step " + t);
                }
        }
    }

    @Test
    void fiveBitBatchOfThirtyTwoHoldsEveryStringOnce() {
        SequenceSet s = SequenceTasks.byName("memorisation-5bit").generate(32, 20, 1);
        boolean[] seen = new boolean[32];
        for (int n = 0; n < 32; n++) {
            int code = 0;
            for (int t = 0; t < 5; t++) code = 2 * code + symbol(s, n, t, 4);
            assertTrue(!seen[code], "string " + code + " twice");
            seen[code] = true;
        }
    }
}
