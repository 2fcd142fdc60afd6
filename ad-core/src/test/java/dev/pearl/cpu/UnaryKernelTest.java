package dev.pearl.cpu;

import dev.pearl.backend.ElementFunction;
import dev.pearl.prim.UnaryOp;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CPU backend's own loops are found by the declared functions' names and compute what the
 * declarations say; a function it has no loop for runs its formula.
 */
class UnaryKernelTest {
    private static final CpuBackend CPU = new CpuBackend(1);

    /** Long enough for vector loops and their scalar tails; special values at the end. */
    private static double[] inputs(long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[203];
        for (int i = 0; i < 195; i++) v[i] = lo + (hi - lo) * r.nextDouble();
        double[] special = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300};
        System.arraycopy(special, 0, v, 195, special.length);
        return v;
    }

    private static double ulps(double a, double b) {
        return Math.abs(a - b) / Math.ulp(Math.max(Math.abs(a), Math.abs(b)));
    }

    @Test
    void everyLoopIsTheLoopOfADeclaredFunction() {
        for (UnaryKernel k : UnaryKernel.values()) {
            UnaryOp declared = Arrays.stream(UnaryOp.values()).filter(f -> f.name().equals(k.name())).findFirst().orElse(null);
            assertTrue(declared != null, "the CPU loop " + k + " serves no declared function");
            assertEquals(k, UnaryKernel.of(declared));
        }
    }

    /**
     * The loops' exp, log, log1p, tanh, sigmoid and softplus are PortableMath's, which stay within
     * 4 ulp of the same formulas on Math's functions (PortableMathTest); the other loops are the
     * formulas' own IEEE operations and agree exactly.
     */
    @Test
    void everyFunctionComputesItsDeclaredFormula() {
        double[] any = inputs(1, -30, 30), positive = inputs(2, 1e-3, 50), aboveMinusOne = inputs(3, -0.99, 50);
        for (UnaryOp f : UnaryOp.values()) {
            double[] x = f == UnaryOp.LOG || f == UnaryOp.SQRT || f == UnaryOp.POW ? positive : f == UnaryOp.LOG1P ? aboveMinusOne : any;
            for (double p : f == UnaryOp.POW ? new double[]{2, 1, 0.5, -1, 1.7, 0} : new double[]{0.75}) {
                double[] got = CPU.unary(f, p, CPU.fromArray(x, Shape.of(x.length), DType.FLOAT64)).toDoubleArray();
                for (int i = 0; i < x.length; i++) {
                    double want = f.apply(x[i], p);
                    boolean same = Double.compare(want, got[i]) == 0 || ulps(want, got[i]) <= 4;
                    assertTrue(same, f + "(" + x[i] + ", " + p + "): the CPU gives " + got[i] + ", the declaration " + want);
                }
            }
        }
    }

    @Test
    void aFunctionWithoutALoopRunsItsFormulaInBothDtypes() {
        ElementFunction cubePlusP = new ElementFunction() {
            @Override
            public String name() {
                return "CUBE_PLUS_P";
            }

            @Override
            public double apply(double x, double p) {
                return x * x * x + p;
            }
        };
        assertEquals(null, UnaryKernel.of(cubePlusP));
        double[] x = inputs(4, -3, 3);
        for (DType d : DType.values()) {
            DenseTensor in = CPU.fromArray(x, Shape.of(x.length), d);
            double[] stored = in.toDoubleArray(), got = CPU.unary(cubePlusP, 0.25, in).toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                double exact = stored[i] * stored[i] * stored[i] + 0.25;
                double want = d == DType.FLOAT32 ? (float) exact : exact;
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got[i]), d + " cube_plus_p(" + stored[i] + ")");
            }
        }
    }
}
