package dev.pearl.examples;

import dev.pearl.Ops;
import dev.pearl.tensor.Tensor;

import java.util.function.UnaryOperator;

/** Plain conjugate gradients for A x = b with A given as a product; stops on negative curvature. */
final class NewtonCg {
    record Solution(Tensor x, int products) {
    }

    private NewtonCg() {
    }

    static Solution solve(UnaryOperator<Tensor> a, Tensor b, int maxIterations, double tol) {
        Tensor x = Ops.zerosLike(b), r = b, p = b;
        double rr = dot(r, r);
        int k = 0;
        while (k < maxIterations && Math.sqrt(rr) > tol) {
            Tensor ap = a.apply(p);
            k++;
            double pap = dot(p, ap);
            if (pap <= 0) return new Solution(k == 1 ? b : x, k);
            double alpha = rr / pap;
            x = Ops.add(x, Ops.mul(p, alpha));
            r = Ops.sub(r, Ops.mul(ap, alpha));
            double rrNew = dot(r, r);
            p = Ops.add(r, Ops.mul(p, rrNew / rr));
            rr = rrNew;
        }
        return new Solution(x, k);
    }

    private static double dot(Tensor a, Tensor b) {
        return Ops.sum(Ops.mul(a, b)).item();
    }
}
