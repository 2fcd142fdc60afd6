package dev.pearl;

import dev.pearl.ad.AD;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape, dtype and backend errors name the op and both operands, also inside transforms. */
class ErrorMessagesTest {

    private static Tensor t(Backend b, int... shape) {
        return b.full(Shape.of(shape), DType.FLOAT64, 1);
    }

    private static Tensor t32(Backend b, int... shape) {
        return b.full(Shape.of(shape), DType.FLOAT32, 1);
    }

    private static void assertMessage(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments)
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void shapeMismatchesNameTheOpAndBothShapes(Backend b) {
        assertMessage(() -> Ops.add(t(b, 2, 3), t(b, 4)), "add", "[2,3]", "[4]");
        assertMessage(() -> Ops.mul(t(b, 2, 3), t(b, 3, 2)), "mul", "[2,3]", "[3,2]");
        assertMessage(() -> Ops.matmul(t(b, 2, 3), t(b, 4, 5)), "matmul", "[2,3]", "[4,5]");
        assertMessage(() -> Ops.matmul(t(b, 2, 3), t(b, 2, 3), true, true), "matmul", "[2,3]ᵀ", "inner dimensions 2 and 3");
        assertMessage(() -> Ops.matmul(t(b, 2, 3, 1), t(b, 3, 2)), "matmul", "[2,3,1]", "[3,2]");
        assertMessage(() -> Ops.where(t(b, 2), t(b, 3), t(b, 3)), "where", "[2]", "[3]");
        assertMessage(() -> Ops.concat(0, t(b, 2, 3), t(b, 2, 4)), "concat", "[2,3]", "[2,4]");
        assertMessage(() -> Ops.reshape(t(b, 2, 3), 4), "reshape", "[2,3]", "[4]");
        assertMessage(() -> Ops.broadcastTo(t(b, 2, 3), 3, 3), "broadcastTo", "[2,3]", "[3,3]");
        assertMessage(() -> Ops.slice(t(b, 2, 3), 1, 1, 5), "slice", "[2,3]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void shapeMismatchInsideATransformStillNamesTheOp(Backend b) {
        assertMessage(() -> AD.grad(x -> Ops.sum(Ops.add(x, t(b, 4))), t(b, 2, 3)), "add", "[2,3]", "[4]");
        assertMessage(() -> AD.jvp(x -> Ops.matmul(x, t(b, 4, 1)), t(b, 2, 3), t(b, 2, 3)), "matmul", "[2,3]", "[4,1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void dtypeMismatchesNameTheOpAndBothDtypes(Backend b) {
        assertMessage(() -> Ops.add(t32(b, 2), t(b, 2)), "add", "float32", "float64");
        assertMessage(() -> Ops.matmul(t32(b, 2, 2), t(b, 2, 2)), "matmul", "float32", "float64");
        assertMessage(() -> Ops.where(t(b, 2), t32(b, 2), t(b, 2)), "where", "float32", "float64");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void mixingBackendsIsAnErrorThatSaysSo(Backend b) {
        Backend other = new CpuBackend(1);
        assertMessage(() -> Ops.add(t(b, 2), t(other, 2)), "add", "different backends");
    }
}
