package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgIterate;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CgBacktrackingTest {

    /** Iterates whose single coordinate is their CG step; the objective reads values[that step's index]. */
    private static List<CgIterate> iterates(int count) {
        List<CgIterate> list = new ArrayList<>();
        for (int i = 0; i < count; i++) list.add(new CgIterate(10 * (i + 1), Params.of(Tensor.of(new double[]{i}, 1)), -i));
        return list;
    }

    private static CgBacktracking.Choice choose(double... values) {
        return CgBacktracking.choose(iterates(values.length), p -> values[(int) p.get(0).toDoubleArray()[0]]);
    }

    @Test
    void walksBackWhileTheObjectiveKeepsDecreasing() {
        CgBacktracking.Choice c = choose(5, 3, 2, 4, 6);
        assertEquals(30, c.iterate().iteration());
        assertEquals(2, c.objective());
        assertEquals(4, c.evaluations(), "6, 4, 2, then 3 ends the walk");
    }

    @Test
    void keepsTheLastIterateWhenItIsBest() {
        CgBacktracking.Choice c = choose(5, 3, 1);
        assertEquals(30, c.iterate().iteration());
        assertEquals(2, c.evaluations());
    }

    @Test
    void nonFiniteValuesCountAsWorse() {
        CgBacktracking.Choice c = choose(4, 1, Double.NaN, Double.POSITIVE_INFINITY);
        assertEquals(20, c.iterate().iteration());
        assertEquals(1, c.objective());
    }

    @Test
    void needsAnIterate() {
        assertThrows(IllegalArgumentException.class, () -> CgBacktracking.choose(List.of(), p -> 0));
    }
}
