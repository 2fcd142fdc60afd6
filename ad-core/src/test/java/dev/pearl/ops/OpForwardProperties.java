package dev.pearl.ops;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.Approx;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward values of every op against the plain-Java {@code Reference}, in float64, and float32
 * results against float64 results on the same (float-representable) inputs.
 */
class OpForwardProperties {
    /** Reference and Pearl may sum or round in another order: a few ulps of the result's scale. */
    private static final double FLOAT64_RTOL = 1e-12;
    /** ~150 float32 ulps of the result's scale: rounding of inputs to intermediate ops and outputs. */
    private static final double FLOAT32_RTOL = 2e-5;

    @Provide
    Arbitrary<OpInstance> anyOp() {
        return OpCatalog.anyInstance();
    }

    @Property(tries = OpDerivativeProperties.TRIES)
    void float64MatchesTheReference(@ForAll("anyOp") OpInstance op) {
        HostTensor expected = op.expected();
        TestBackends.forEach(b -> Approx.assertClose(op.toString(), expected, run(op, b, DType.FLOAT64), FLOAT64_RTOL));
    }

    @Property(tries = OpDerivativeProperties.TRIES)
    void float32AgreesWithFloat64(@ForAll("anyOp") OpInstance op) {
        OpInstance rounded = op.roundedToFloat();
        TestBackends.forEach(b -> {
            HostTensor f64 = HostTensor.of(run(rounded, b, DType.FLOAT64));
            Approx.assertClose(op + " in float32", f64, run(rounded, b, DType.FLOAT32), FLOAT32_RTOL);
        });
    }

    private static Tensor run(OpInstance op, Backend b, DType dtype) {
        List<Tensor> in = new ArrayList<>(op.inputsOn(b, dtype).tensors());
        return op.apply().apply(in);
    }
}
