package dev.pearl.examples.data.sequence;

import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every task shares: determinism, per-case seeding, success reading and bad input. */
class SequenceGeneratorsTest {
    private static float[] inputs(SequenceSet s) {
        return s.inputs(Backends.defaultBackend(), DType.FLOAT32).toFloatArray();
    }

    @Test
    void sameSeedSameData() {
        for (SequenceTask task : SequenceTasks.all()) {
            int t = task.name().startsWith("xor") ? 60 : 40;
            SequenceSet a = task.generate(12, t, 42), b = task.generate(12, t, 42), c = task.generate(12, t, 43);
            assertArrayEquals(inputs(a), inputs(b), task.name());
            assertArrayEquals(a.targets(Backends.defaultBackend(), DType.FLOAT32).toFloatArray(), b.targets(Backends.defaultBackend(), DType.FLOAT32).toFloatArray());
            assertFalse(Arrays.equals(inputs(a), inputs(c)), task.name() + ": another seed gives other data");
        }
    }

    @Test
    void aCaseDoesNotDependOnTheBatchSize() {
        SequenceSet small = SequenceTasks.byName("addition").generate(3, 100, 8), large = SequenceTasks.byName("addition").generate(30, 100, 8);
        for (int n = 0; n < 3; n++) {
            assertEquals(small.length(n), large.length(n));
            for (int t = 0; t < small.steps(); t++)
                for (int c = 0; c < 2; c++) assertEquals(small.input(n, t, c), large.input(n, t, c));
        }
    }

    @Test
    void solvedFractionReadsTheJudgedSteps() {
        SequenceSet s = SequenceTasks.byName("addition").generate(10, 100, 1);
        Tensor exact = s.targets(Backends.defaultBackend(), DType.FLOAT32);
        assertEquals(1.0, s.solvedFraction(exact));
        assertEquals(0.0, s.solvedFraction(Tensor.of(add(exact.toFloatArray(), 0.05f), 10, s.steps(), 1)));
        assertEquals(1.0, s.solvedFraction(Tensor.of(add(exact.toFloatArray(), 0.03f), 10, s.steps(), 1)));
        SequenceSet classes = SequenceTasks.byName("temporal-order-2").generate(8, 100, 1);
        assertEquals(1.0, classes.solvedFraction(classes.targets(Backends.defaultBackend(), DType.FLOAT32)));
    }

    private static float[] add(float[] a, float d) {
        float[] out = a.clone();
        for (int i = 0; i < out.length; i++) out[i] += d;
        return out;
    }

    @Test
    void badInputIsNamed() {
        assertEquals("addition: batch size must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SequenceTasks.byName("addition").generate(0, 100, 1)).getMessage());
        assertEquals("addition: length T = 10 is too short: the first operand steps [1, 1) (0.01·T to 0.1·T) are empty",
                assertThrows(IllegalArgumentException.class, () -> SequenceTasks.byName("addition").generate(5, 10, 1)).getMessage());
        assertEquals("temporal-order-3: length T = 5 is too short: the first special steps [1, 1) (0.01·T to 0.1·T inclusive) are empty",
                assertThrows(IllegalArgumentException.class, () -> SequenceTasks.byName("temporal-order-3").generate(5, 5, 1)).getMessage());
        assertEquals("random-permutation: length T must be >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> SequenceTasks.byName("random-permutation").generate(5, 1, 1)).getMessage());
        assertEquals("memorisation-5bit: length T = 10 is too short: it must hold 5 characters, the signal and 5 outputs (T >= 11)",
                assertThrows(IllegalArgumentException.class, () -> SequenceTasks.byName("memorisation-5bit").generate(5, 10, 1)).getMessage());
        assertEquals("unknown sequence task 'adition'; known: addition, multiplication, xor, temporal-order-2, temporal-order-3, random-permutation, memorisation-5bit, memorisation-20bit",
                assertThrows(IllegalArgumentException.class, () -> SequenceTasks.byName("adition")).getMessage());
        SequenceSet s = SequenceTasks.byName("addition").generate(4, 100, 1);
        assertEquals("addition: predictions [4,100,1] do not match the targets [4, " + s.steps() + ", 1]",
                assertThrows(IllegalArgumentException.class, () -> s.solvedFraction(Tensor.of(new float[400], 4, 100, 1))).getMessage());
    }

    @Test
    void aTasksFirstTargetStepComesBeforeEveryTargetAndCutsTheTargetsThere() {
        for (SequenceTask task : SequenceTasks.all()) {
            int t = task.name().startsWith("xor") ? 60 : 40;
            SequenceSet s = task.generate(200, t, 5);
            int first = task.firstTargetStep(t);
            Tensor full = s.targets(Backends.defaultBackend(), DType.FLOAT64), cut = s.targets(Backends.defaultBackend(), DType.FLOAT64, first);
            assertArrayEquals(new int[]{200, s.steps() - first, task.outputs()}, cut.shape().dims(), task.name());
            assertArrayEquals(lastSteps(full, s, first), cut.toDoubleArray(), task.name()); // NaN (no target) equals NaN here
            assertEquals(1.0, s.solvedFraction(s.targets(Backends.defaultBackend(), DType.FLOAT32, first), first), task.name());
        }
        // Addition's only target is at a sequence's last step, and no sequence is shorter than T.
        assertEquals(99, SequenceTasks.byName("addition").firstTargetStep(100));
        SequenceSet s = SequenceTasks.byName("addition").generate(50, 100, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.targets(Backends.defaultBackend(), DType.FLOAT32, s.steps() - 1));
        assertTrue(e.getMessage().startsWith("addition: sequence ") && e.getMessage().contains("before the first target step " + (s.steps() - 1)), e.getMessage());
        Tensor shifted = Tensor.of(add(s.targets(Backends.defaultBackend(), DType.FLOAT32, 99).toFloatArray(), 0.05f), 50, s.steps() - 99, 1);
        assertEquals(0.0, s.solvedFraction(shifted, 99));
    }

    private static double[] lastSteps(Tensor full, SequenceSet s, int first) {
        int outputs = full.dim(2), kept = s.steps() - first;
        double[] all = full.toDoubleArray(), out = new double[s.cases() * kept * outputs];
        for (int n = 0; n < s.cases(); n++) System.arraycopy(all, (n * s.steps() + first) * outputs, out, n * kept * outputs, kept * outputs);
        return out;
    }
}
