package dev.pearl.gpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.prim.UnaryOp;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device program tells functions apart by their codes alone, which {@link ElementFn} finds by
 * the functions' names: every declared function and backend op must have one, and no two of a
 * family may share one.
 */
@OpenClGate.NoDeviceNeeded
class ElementFnTest {

    private static <E extends Enum<E>> void distinctCodes(E[] ops, ToIntFunction<E> code) {
        Set<Integer> seen = new HashSet<>();
        for (E op : ops) assertTrue(seen.add(code.applyAsInt(op)), op + " shares its device code " + code.applyAsInt(op) + " with another op");
    }

    @Test
    void everyDeclaredFunctionAndBackendOpHasItsOwnDeviceCode() {
        distinctCodes(UnaryOp.values(), ElementFn::of);
        distinctCodes(BinaryOp.values(), ElementFn::of);
        distinctCodes(ReduceOp.values(), ElementFn::of);
    }

    @Test
    void theCodesAreTheConstantsOfTheSameName() {
        assertEquals(Float32ElementwiseCode.Unary.EXP, ElementFn.of(UnaryOp.EXP));
        assertEquals(Float64ElementwiseCode.Unary.TANH_SLOPE, ElementFn.of(UnaryOp.TANH_SLOPE));
        assertEquals(ElementFn.Binary.MAX, ElementFn.of(BinaryOp.MAX));
        assertEquals(ElementFn.Reduce.MAX, ElementFn.of(ReduceOp.MAX));
    }
}
