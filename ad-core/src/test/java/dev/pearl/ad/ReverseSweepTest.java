package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.prim.UnaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reverse mode and the transposition of a linearized program walk back the same way. */
class ReverseSweepTest {
    private static final Backend CPU = dev.pearl.tensor.Backends.cpu(1);

    /** Doubling, whose VJP rule wrongly returns a cotangent with one element too many. */
    private static final Primitive BROKEN_DOUBLE = new Primitive("broken_double") {
        @Override
        public Shape outputShape(Tensor[] in) {
            return in[0].shape();
        }

        @Override
        protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
            return backend.unary(UnaryOp.SCALE, 2, in[0]);
        }

        @Override
        public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
            return tangents[0] == null ? null : bind(tangents[0]);
        }

        @Override
        public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
            return new Tensor[]{Ops.concat(0, Ops.mul(ct, 2), Ops.zeros(Shape.of(1), ct.dtype(), ct.backend()))};
        }
    };

    private static Tensor vec(double... v) {
        return CPU.fromArray(v, Shape.of(v.length), DType.FLOAT64);
    }

    @Test
    void aVjpRuleOfTheWrongShapeIsNamedInReverseModeAndInTransposition() {
        Tensor x = vec(1, 2, 3);
        IllegalStateException inGrad = assertThrows(IllegalStateException.class,
                () -> AD.grad(t -> Ops.sum(BROKEN_DOUBLE.bind(t)), x));
        Linearized lin = AD.linearize(t -> Ops.sum(BROKEN_DOUBLE.bind(t)), x);
        IllegalStateException inTranspose = assertThrows(IllegalStateException.class, () -> lin.vjp(Ops.reshape(vec(1))));
        String expected = "broken_double: VJP rule gave cotangent shape [4] for input 0 of shape [3]";
        assertEquals(expected, inGrad.getMessage());
        assertEquals(expected, inTranspose.getMessage());
    }

    @Test
    void cotangentsOfAValueUsedTwiceAreSummedInBothWalks() {
        Tensor x = vec(1, 2, 3);
        // f(x) = sum(x * x + x): every input is read by two equations, so its cotangents add up.
        java.util.function.Function<Tensor, Tensor> f = t -> Ops.sum(Ops.add(Ops.mul(t, t), t));
        double[] expected = {3, 5, 7};
        assertArrayEquals(expected, AD.grad(f, x).toDoubleArray(), 0);
        assertArrayEquals(expected, AD.linearize(f, x).vjp(Ops.onesLike(Ops.sum(x))).toDoubleArray(), 0);
    }
}
