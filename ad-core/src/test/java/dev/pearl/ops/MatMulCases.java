package dev.pearl.ops;

import dev.pearl.Ops;
import dev.pearl.tensor.Shape;
import dev.pearl.testing.Reference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** matmul, plain and with each of the four transpose-flag combinations. */
final class MatMulCases {
    private MatMulCases() {
    }

    static List<OpCase> all() {
        return List.of(withFlags("matmul(Tensor,Tensor)", Arbitraries.just(false), Arbitraries.just(false)),
                withFlags("matmul(Tensor,Tensor,boolean,boolean)", Arbitraries.of(false, true), Arbitraries.of(false, true)));
    }

    /** op(a) is [m,k] and op(b) is [k,n]; a transposed operand is stored as its transpose. */
    private static OpCase withFlags(String sig, Arbitrary<Boolean> transposeA, Arbitrary<Boolean> transposeB) {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 4);
        boolean explicitFlags = sig.contains("boolean");
        Arbitrary<OpInstance> instances = Combinators.combine(dim, dim, dim, transposeA, transposeB).flatAs((m, k, n, ta, tb) -> {
            Shape sa = ta ? Shape.of(k, m) : Shape.of(m, k), sb = tb ? Shape.of(n, k) : Shape.of(k, n);
            return Combinators.combine(Domain.ANY.tensor(sa), Domain.ANY.tensor(sb)).as((a, b) ->
                    new OpInstance(sig, explicitFlags ? "transposeA=" + ta + " transposeB=" + tb : "", List.of(a, b),
                            in -> explicitFlags ? Ops.matmul(in.get(0), in.get(1), ta, tb) : Ops.matmul(in.get(0), in.get(1)),
                            in -> Reference.matmul(in.get(0), in.get(1), ta, tb)));
        });
        return new OpCase(sig, instances);
    }
}
