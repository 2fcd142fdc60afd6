package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/** Ops of two or three tensors with NumPy broadcasting: arithmetic, comparisons, where. */
final class BroadcastingCases {
    private BroadcastingCases() {
    }

    static List<OpCase> all() {
        return List.of(
                binary("add(Tensor,Tensor)", Ops::add, Double::sum, Domain.ANY, Domain.ANY),
                binary("sub(Tensor,Tensor)", Ops::sub, (a, b) -> a - b, Domain.ANY, Domain.ANY),
                binary("mul(Tensor,Tensor)", Ops::mul, (a, b) -> a * b, Domain.ANY, Domain.ANY),
                binary("div(Tensor,Tensor)", Ops::div, (a, b) -> a / b, Domain.ANY, Domain.AWAY_FROM_ZERO),
                // Operands from disjoint ranges: the masks are constant near every generated point.
                binary("gt(Tensor,Tensor)", Ops::gt, (a, b) -> a > b ? 1 : 0, Domain.HIGH, Domain.LOW),
                binary("ge(Tensor,Tensor)", Ops::ge, (a, b) -> a >= b ? 1 : 0, Domain.HIGH, Domain.LOW),
                binary("lt(Tensor,Tensor)", Ops::lt, (a, b) -> a < b ? 1 : 0, Domain.HIGH, Domain.LOW),
                binary("le(Tensor,Tensor)", Ops::le, (a, b) -> a <= b ? 1 : 0, Domain.LOW, Domain.HIGH),
                binary("eq(Tensor,Tensor)", Ops::eq, (a, b) -> a == b ? 1 : 0, Domain.HIGH, Domain.LOW),
                where());
    }

    private static Arbitrary<List<Shape>> shapes(int count) {
        return PearlArbitraries.broadcastable(count, 3, 3);
    }

    private static OpCase binary(String signature, BinaryOperator<Tensor> op, DoubleBinaryOperator ref, Domain da, Domain db) {
        Arbitrary<OpInstance> instances = shapes(2).flatMap(s -> Combinators.combine(da.tensor(s.get(0)), db.tensor(s.get(1))).as((a, b) ->
                new OpInstance(signature, "", List.of(a, b), in -> op.apply(in.get(0), in.get(1)), in -> Reference.zip(in.get(0), in.get(1), ref))));
        return new OpCase(signature, instances);
    }

    /**
     * where(mask, a, b) with a constant 0/1 mask, differentiated in a and b together or in one of
     * them with the other held constant (so the derivative must still cover the broadcast shape).
     */
    private static OpCase where() {
        String signature = "where(Tensor,Tensor,Tensor)";
        Arbitrary<OpInstance> instances = Arbitraries.of(WhereInputs.values()).flatMap(which -> shapes(3).flatMap(s -> Combinators.combine(
                mask(s.get(0)), Domain.ANY.tensor(s.get(1)), Domain.ANY.tensor(s.get(2))).as((m, a, b) -> which.instance(signature, m, a, b))));
        return new OpCase(signature, instances);
    }

    /** Which of where's value operands are inputs of the differentiated function. */
    private enum WhereInputs {
        BOTH, ONLY_A, ONLY_B;

        OpInstance instance(String signature, HostTensor m, HostTensor a, HostTensor b) {
            List<HostTensor> inputs = this == BOTH ? List.of(a, b) : this == ONLY_A ? List.of(a) : List.of(b);
            Function<List<Tensor>, Tensor> apply = in -> {
                Tensor x = in.get(0);
                Tensor ta = this == ONLY_B ? Constants.like(x, a) : x;
                Tensor tb = this == BOTH ? in.get(1) : this == ONLY_A ? Constants.like(x, b) : x;
                return Ops.where(Constants.like(x, m), ta, tb);
            };
            Function<List<HostTensor>, HostTensor> ref = in -> Reference.broadcastMap(List.of(m,
                    this == ONLY_B ? a : in.get(0), this == BOTH ? in.get(1) : this == ONLY_A ? b : in.get(0)), v -> v[0] != 0 ? v[1] : v[2]);
            String detail = "mask=" + m + (this == BOTH ? "" : this == ONLY_A ? " b=" + b + " (constant)" : " a=" + a + " (constant)");
            return new OpInstance(signature, detail, inputs, apply, ref);
        }
    }

    private static Arbitrary<HostTensor> mask(Shape s) {
        return new Domain("{0,1}", Arbitraries.of(0.0, 1.0)).tensor(s);
    }
}
