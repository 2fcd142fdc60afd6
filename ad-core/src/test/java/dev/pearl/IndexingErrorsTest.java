package dev.pearl;

import dev.pearl.ad.AD;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad arguments to gather, scatterAdd, conv2d and pooling fail at the op, before any kernel runs,
 * with one line naming the op, the shapes and the offending values.
 */
class IndexingErrorsTest {

    private static Tensor t(Backend b, int... shape) {
        return b.full(Shape.of(shape), DType.FLOAT64, 1);
    }

    /** The error's message contains every fragment, is one line, and was raised above the backend. */
    private static void assertOneLineAtTheOp(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String m = e.getMessage();
        for (String f : fragments) assertTrue(m.contains(f), "message '" + m + "' should contain '" + f + "'");
        assertFalse(m.contains("\n"), "message spans lines: " + m);
        for (StackTraceElement frame : e.getStackTrace())
            assertFalse(frame.getClassName().startsWith("dev.pearl.cpu") || frame.getClassName().startsWith("dev.pearl.gpu")
                    || frame.getMethodName().equals("forward"), "raised inside a kernel: " + frame);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void convolutionWithMismatchedChannelsNamesBothShapes(Backend b) {
        assertOneLineAtTheOp(() -> Ops.conv2d(t(b, 2, 3, 8, 8), t(b, 4, 2, 3, 3)), "conv2d", "[2,3,8,8]", "3 channels", "[4,2,3,3]", "take 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void aKernelLargerThanThePaddedInputNamesKernelInputAndPadding(Backend b) {
        assertOneLineAtTheOp(() -> Ops.conv2d(t(b, 1, 1, 3, 3), t(b, 1, 1, 5, 5)), "conv2d", "kernel 5x5", "padded input 3x3", "[1,1,3,3]", "padding 0x0");
        assertOneLineAtTheOp(() -> Ops.conv2d(t(b, 1, 1, 4, 4), t(b, 1, 1, 3, 3), ConvSpec.of(1, 0, 2)), "conv2d", "kernel 3x3 spans 5x5", "dilation 2x2", "padded input 4x4");
        assertOneLineAtTheOp(() -> Ops.maxPool2d(t(b, 1, 1, 2, 3), 3, 1), "maxPool2d", "window 3x3", "input 2x3", "[1,1,2,3]");
        assertOneLineAtTheOp(() -> Ops.avgPool2d(t(b, 1, 1, 2, 2), 5, 1, 1), "avgPool2d", "window 5x5", "input 2x2 padded by 1", "[1,1,2,2]");
        assertOneLineAtTheOp(() -> Ops.maxPool2d(t(b, 1, 1, 6, 6), 3, 1, 2), "maxPool2d", "padding", "half the window 3x3", "got 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void anIndexOutOfRangeNamesTheValueItsPositionAndTheShape(Backend b) {
        assertOneLineAtTheOp(() -> Ops.gather(t(b, 10, 4), 0, 3, 10, 1), "gather", "index 10 at position 1", "axis 0 of [10,4]", "valid 0..9");
        assertOneLineAtTheOp(() -> Ops.gather(t(b, 10, 4), 1, Index.of(new int[]{0, -2}, 1, 2)), "gather", "index -2 at position 1", "axis 1 of [10,4]");
        assertOneLineAtTheOp(() -> Ops.take(t(b, 2, 3), Index.of(6)), "gather", "index 6", "axis 0 of [6]");
        assertOneLineAtTheOp(() -> Ops.scatterAdd(t(b, 3), 0, Index.of(0, 1, 7), 5), "scatterAdd", "index 7 at position 2", "size 5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void theChecksHoldInsideTransforms(Backend b) {
        assertOneLineAtTheOp(() -> AD.grad(x -> Ops.sum(Ops.gather(x, 0, 0, 4)), t(b, 4, 2)), "gather", "index 4");
        assertOneLineAtTheOp(() -> AD.grad(w -> Ops.sum(Ops.conv2d(t(b, 1, 2, 5, 5), w)), t(b, 1, 3, 2, 2)), "conv2d", "2 channels", "take 3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void otherMisfitsAreNamed(Backend b) {
        assertOneLineAtTheOp(() -> Ops.conv2d(t(b, 3, 8, 8), t(b, 4, 3, 3, 3)), "conv2d", "[batch, channels, height, width]", "[3,8,8]");
        assertOneLineAtTheOp(() -> Ops.conv2d(t(b, 1, 3, 8, 8), b.full(Shape.of(4, 3, 3, 3), DType.FLOAT32, 1)), "conv2d", "float64", "float32");
        assertOneLineAtTheOp(() -> Ops.scatterAdd(t(b, 2, 3), 1, Index.of(0, 1), 4), "scatterAdd", "[2,3]", "index [2]", "axis 1");
        assertOneLineAtTheOp(() -> Ops.gather(t(b, 2, 2, 2, 2), 1, Index.of(new int[4], 2, 2)), "gather", "rank 5");
        assertOneLineAtTheOp(() -> Ops.gather(t(b, 2, 3), 2, 0), "gather", "axis 2", "[2,3]");
        assertOneLineAtTheOp(() -> Ops.take(b.full(Shape.SCALAR, DType.FLOAT64, 1), Index.of(1)), "gather", "index 1", "[1]");
    }

    @Test
    void badConvolutionSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(0, -1, 1));
        assertTrue(e.getMessage().contains("stride 0x0") && e.getMessage().contains("padding -1x-1"), e.getMessage());
    }
}
