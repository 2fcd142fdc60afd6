package dev.pearl.examples.custom;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Linearized;
import dev.pearl.ad.Vjp;
import dev.pearl.check.CheckResult;
import dev.pearl.check.Checker;
import dev.pearl.check.Directions;
import dev.pearl.check.FiniteDifference;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.check.Tolerance;
import dev.pearl.hf.problem.Batch;
import dev.pearl.nn.GaussNewton;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.function.Function;

/**
 * The derivatives HF relies on, for the hand-written {@link GatedResidualNet}, against central
 * differences in float64 at random parameters, inputs, labels and directions: the loss's
 * gradient and Hessian, the outputs' Jacobian products, and the Gauss-Newton product.
 */
class GatedResidualNetProperties {
    private static final int INPUTS = 2;
    private static final int CLASSES = 3;
    /** Small enough for cheap differences, with two blocks so gates feed gates. */
    private static final GatedResidualNet NET = new GatedResidualNet(INPUTS, 3, 2, CLASSES);
    private static final Loss LOSS = NET.loss();
    private static final Checker CHECK = Checker.defaults();

    @Property(tries = 15)
    void lossGradientAndHessianMatchFiniteDifferences(@ForAll("parameters") Params theta, @ForAll("batches") Batch batch, @ForAll long seed) {
        Function<Params, Tensor> loss = p -> LOSS.value(NET.outputs(p, batch.inputs()), batch.targets());
        CheckResult.assertAllOk(CHECK.scalarFunction(loss, theta, seed));
    }

    @Property(tries = 15)
    void outputJacobianProductsMatchFiniteDifferences(@ForAll("parameters") Params theta, @ForAll("batches") Batch batch, @ForAll long seed) {
        Function<Params, Params> outputs = Checker.tensorValued(p -> NET.outputs(p, batch.inputs()));
        // HF's CG multiplies by the linearized model: its J v and Jᵀ u must be each other's transposes.
        Linearized linearized = AD.linearize(outputs, theta);
        CheckResult.assertAllOk(List.of(
                CHECK.jvp(outputs, theta, seed),
                CHECK.vjp(outputs, theta, seed),
                CHECK.adjoint("linearized model", linearized::jvp, linearized::vjp,
                        Directions.normal(linearized.value(), seed + 1), Directions.normal(theta, seed))));
    }

    @Property(tries = 15)
    void gaussNewtonProductIsSymmetricPositiveSemiDefiniteAndMatchesFiniteDifferences(
            @ForAll("parameters") Params theta, @ForAll("batches") Batch batch, @ForAll long seed) {
        Function<Params, Tensor> outputs = p -> NET.outputs(p, batch.inputs());
        GaussNewton gn = GaussNewton.at(outputs, LOSS, theta, batch.targets());
        Params u = Directions.normal(theta, seed + 1), v = Directions.normal(theta, seed);

        // G v = d/dε Jᵀ(θ) ∇_z L(z(θ + ε v)) with Jᵀ held at θ: differencing this gives J v and
        // H_L by finite differences, independently of the linearization and of the loss's H_L formula.
        Vjp transposeAtTheta = AD.vjp(Checker.tensorValued(outputs), theta);
        Function<Params, Params> heldTransposeTimesLossGradient = p -> transposeAtTheta.pullback(
                Params.of("out", AD.grad(z -> LOSS.value(z, batch.targets()), outputs.apply(p))));
        Params differenced = FiniteDifference.centralDifference(heldTransposeTimesLossGradient, theta, v, FiniteDifference.DEFAULT_RELATIVE_STEP);
        Checker withDifferenceTolerance = CHECK.withRoundingTolerance(Tolerance.FINITE_DIFFERENCE);

        CheckResult.assertAllOk(List.of(
                CHECK.symmetric("Gauss-Newton product", gn::apply, u, v),
                CHECK.positiveSemiDefinite("Gauss-Newton product", gn::apply, v),
                withDifferenceTolerance.agree("Gauss-Newton product vs central differences", theta.toString(),
                        "G v", gn.apply(v), "difference of Jᵀ(θ) ∇L(z(θ + h v))", differenced)));
    }

    @Provide
    Arbitrary<Params> parameters() {
        return PearlArbitraries.params(Backends.defaultBackend(), NET.parameterShapes(), PearlArbitraries.uniform(-1, 1));
    }

    /** 1 to 5 cases with inputs in [-2, 2] and one-hot labels. */
    @Provide
    Arbitrary<Batch> batches() {
        return Arbitraries.integers().between(1, 5).flatMap(cases -> Combinators.combine(
                PearlArbitraries.tensors(Shape.of(cases, INPUTS), -2, 2),
                Arbitraries.integers().between(0, CLASSES - 1).list().ofSize(cases)
        ).as((inputs, labels) -> Batch.of(inputs, oneHot(labels))));
    }

    private static Tensor oneHot(List<Integer> labels) {
        double[] rows = new double[labels.size() * CLASSES];
        for (int n = 0; n < labels.size(); n++) rows[n * CLASSES + labels.get(n)] = 1;
        return Tensor.of(DType.FLOAT64, rows, labels.size(), CLASSES);
    }
}
