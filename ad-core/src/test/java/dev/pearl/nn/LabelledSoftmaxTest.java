package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.ad.AD;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Softmax cross-entropy on class numbers: the one-hot form's value, gradient and Hessian, the
 * Hessian also against AD's second derivative of the value, and bad labels named.
 */
class LabelledSoftmaxTest {
    private static final Loss LABELS = Losses.softmaxCrossEntropyWithLabels(), ONE_HOT = Losses.softmaxCrossEntropy();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void agreesWithTheOneHotFormAndItsOwnSecondDerivative(Backend b) {
        Tensor z = b.randomNormal(Shape.of(4, 5), DType.FLOAT64, 1);
        Tensor v = b.randomNormal(Shape.of(4, 5), DType.FLOAT64, 2);
        double[] classes = {3, 0, 4, 3};
        double[] hot = new double[20];
        for (int i = 0; i < 4; i++) hot[i * 5 + (int) classes[i]] = 1;
        Tensor labels = b.fromArray(classes, Shape.of(4), DType.FLOAT64), oneHot = b.fromArray(hot, Shape.of(4, 5), DType.FLOAT64);

        assertEquals(ONE_HOT.value(z, oneHot).item(), LABELS.value(z, labels).item(), 1e-14);
        assertArrayEquals(AD.grad(t -> ONE_HOT.value(t, oneHot), z).toDoubleArray(), AD.grad(t -> LABELS.value(t, labels), z).toDoubleArray(), 1e-15);
        double[] hv = LABELS.hessianVector(z, labels, v).toDoubleArray();
        assertArrayEquals(ONE_HOT.hessianVector(z, oneHot, v).toDoubleArray(), hv, 1e-15);
        assertArrayEquals(AD.hvp(t -> LABELS.value(t, labels), z, v).toDoubleArray(), hv, 1e-14);
        assertArrayEquals(Ops.softmax(z, 1).toDoubleArray(), LABELS.predict(z).toDoubleArray(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pearl.testing.TestBackends#all")
    void labelsThatAreNotClassNumbersAreCounted(Backend b) {
        Tensor z = b.full(Shape.of(4, 10), DType.FLOAT32, 0);
        Tensor labels = b.fromArray(new double[]{2.5, 1, 10, -1}, Shape.of(4), DType.FLOAT32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LABELS.value(z, labels));
        assertTrue(e.getMessage().contains("3 of 4 labels are not class numbers 0..9"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> LABELS.value(z, b.full(Shape.of(4, 10), DType.FLOAT32, 0)));
        assertTrue(shape.getMessage().contains("[4,10]") && shape.getMessage().contains("labels [cases]"), shape.getMessage());
    }
}
