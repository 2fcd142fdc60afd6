package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/** Elementwise ops of one tensor, including those with a scalar constant. */
final class ElementwiseCases {
    private ElementwiseCases() {
    }

    static List<OpCase> all() {
        Arbitrary<Double> anyConstant = PearlArbitraries.uniform(-2, 2);
        Arbitrary<Double> nonZeroConstant = PearlArbitraries.awayFromZero(0.25, 2);
        return List.of(
                unary("neg(Tensor)", Ops::neg, x -> -x, Domain.ANY),
                unary("square(Tensor)", Ops::square, x -> x * x, Domain.ANY),
                unary("sqrt(Tensor)", Ops::sqrt, Math::sqrt, Domain.POSITIVE),
                unary("exp(Tensor)", Ops::exp, Math::exp, Domain.ANY),
                unary("log(Tensor)", Ops::log, Math::log, Domain.POSITIVE),
                unary("log1p(Tensor)", Ops::log1p, Math::log1p, Domain.ABOVE_MINUS_ONE),
                unary("tanh(Tensor)", Ops::tanh, Math::tanh, Domain.WIDE),
                unary("sigmoid(Tensor)", Ops::sigmoid, x -> 1 / (1 + Math.exp(-x)), Domain.WIDE),
                unary("logisticSlope(Tensor)", Ops::logisticSlope, y -> y * (1 - y), Domain.ANY),
                unary("tanhSlope(Tensor)", Ops::tanhSlope, y -> 1 - y * y, Domain.ANY),
                unary("softplus(Tensor)", Ops::softplus, x -> Math.log(1 + Math.exp(x)), Domain.WIDE),
                // Away from 0, where the second derivative jumps: central differences across it would not match the Hessian.
                unary("softsign(Tensor)", Ops::softsign, x -> x / (1 + Math.abs(x)), Domain.AWAY_FROM_ZERO),
                unary("relu(Tensor)", Ops::relu, x -> x > 0 ? x : 0, Domain.AWAY_FROM_ZERO),
                unary("abs(Tensor)", Ops::abs, Math::abs, Domain.AWAY_FROM_ZERO),
                unary("step(Tensor)", Ops::step, x -> x > 0 ? 1 : 0, Domain.AWAY_FROM_ZERO),
                unary("sign(Tensor)", Ops::sign, Math::signum, Domain.AWAY_FROM_ZERO),
                // Integer exponents on any sign; fractional and negative ones on positive values.
                withConstant("pow(Tensor,double)", Arbitraries.of(2.0, 3.0, 1.0, 0.0), Domain.ANY, Ops::pow, Math::pow),
                withConstant("pow(Tensor,double)", Arbitraries.of(0.5, 1.5, -1.0, -2.5), Domain.POSITIVE, Ops::pow, Math::pow),
                withConstant("add(Tensor,double)", anyConstant, Domain.ANY, Ops::add, Double::sum),
                withConstant("sub(Tensor,double)", anyConstant, Domain.ANY, Ops::sub, (x, c) -> x - c),
                withConstant("mul(Tensor,double)", anyConstant, Domain.ANY, Ops::mul, (x, c) -> x * c),
                withConstant("div(Tensor,double)", nonZeroConstant, Domain.ANY, Ops::div, (x, c) -> x / c),
                withConstant("sub(double,Tensor)", anyConstant, Domain.ANY, (x, c) -> Ops.sub(c, x), (x, c) -> c - x),
                withConstant("div(double,Tensor)", anyConstant, Domain.AWAY_FROM_ZERO, (x, c) -> Ops.div(c, x), (x, c) -> c / x),
                withConstant("gt(Tensor,double)", smallConstant(), Domain.AWAY_FROM_ZERO, Ops::gt, (x, c) -> x > c ? 1 : 0),
                withConstant("ge(Tensor,double)", smallConstant(), Domain.AWAY_FROM_ZERO, Ops::ge, (x, c) -> x >= c ? 1 : 0),
                withConstant("lt(Tensor,double)", smallConstant(), Domain.AWAY_FROM_ZERO, Ops::lt, (x, c) -> x < c ? 1 : 0),
                withConstant("le(Tensor,double)", smallConstant(), Domain.AWAY_FROM_ZERO, Ops::le, (x, c) -> x <= c ? 1 : 0));
    }

    /** Thresholds well inside the gap of {@link Domain#AWAY_FROM_ZERO}, so masks never flip. */
    private static Arbitrary<Double> smallConstant() {
        return Arbitraries.of(0.0, 0.1, -0.1);
    }

    static Arbitrary<Shape> shapes() {
        return PearlArbitraries.shapes(0, 3, 3);
    }

    private static OpCase unary(String signature, UnaryOperator<Tensor> op, DoubleUnaryOperator ref, Domain domain) {
        Arbitrary<OpInstance> instances = shapes().flatMap(domain::tensor).map(x -> new OpInstance(signature, "", List.of(x),
                in -> op.apply(in.get(0)), in -> Reference.map(in.get(0), ref)));
        return new OpCase(signature, instances);
    }

    private static OpCase withConstant(String signature, Arbitrary<Double> constants, Domain domain,
                                       BiFunction<Tensor, Double, Tensor> op, DoubleBinaryOperator ref) {
        Arbitrary<OpInstance> instances = Combinators.combine(constants, shapes().flatMap(domain::tensor)).as((c, x) ->
                new OpInstance(signature, "c=" + c, List.of(x), in -> op.apply(in.get(0), c), in -> Reference.map(in.get(0), v -> ref.applyAsDouble(v, c))));
        return new OpCase(signature, instances);
    }
}
