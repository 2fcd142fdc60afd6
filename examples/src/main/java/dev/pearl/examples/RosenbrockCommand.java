package dev.pearl.examples;

import dev.pearl.Ops;
import dev.pearl.ad.AD;
import dev.pearl.ad.ValueAndGrad;
import dev.pearl.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.function.Function;

/**
 * Minimises the Rosenbrock function with Newton-CG: each step solves H p = -g by conjugate
 * gradients using only Hessian-vector products from {@link AD#hvp} (forward-over-reverse), then
 * backtracks along p. A small honest demonstration of exact curvature products.
 */
@Command(name = "rosenbrock", mixinStandardHelpOptions = true,
        description = "Minimise f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 from (-1.2, 1) by Newton-CG with exact Hessian-vector products.")
public final class RosenbrockCommand implements Runnable {
    @Option(names = "--max-iterations", description = "Newton iterations at most (default ${DEFAULT-VALUE}).")
    int maxIterations = 100;

    @Option(names = "--tolerance", description = "Stop when f < tolerance (default ${DEFAULT-VALUE}).")
    double tolerance = 1e-20;

    static Tensor rosenbrock(Tensor p) {
        Tensor x = Ops.slice(p, 0, 0, 1), y = Ops.slice(p, 0, 1, 2);
        return Ops.sum(Ops.add(Ops.square(Ops.sub(1, x)), Ops.mul(Ops.square(Ops.sub(y, Ops.square(x))), 100)));
    }

    @Override
    public void run() {
        Function<Tensor, Tensor> f = RosenbrockCommand::rosenbrock;
        Tensor x = Tensor.of(new double[]{-1.2, 1.0}, 2);
        System.out.println("Rosenbrock f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, Newton-CG with Hessian-vector products (float64)");
        System.out.printf("%4s %24s %12s %10s %6s%n", "iter", "x", "f", "|grad|", "CG");
        long start = System.nanoTime();
        int hvps = 0;
        for (int it = 0; it <= maxIterations; it++) {
            ValueAndGrad<Tensor> vg = AD.valueAndGrad(f, x);
            double fx = vg.value().item();
            double gnorm = Math.sqrt(Ops.sum(Ops.square(vg.grad())).item());
            double[] xv = x.toDoubleArray();
            if (fx < tolerance || gnorm == 0 || it == maxIterations) {
                System.out.printf("%4d %24s %12.3e %10.3e%n", it, String.format("(%.9f, %.9f)", xv[0], xv[1]), fx, gnorm);
                System.out.printf("done: f = %.3e after %d Newton iterations, %d Hessian-vector products, %.2f s%n",
                        fx, it, hvps, (System.nanoTime() - start) / 1e9);
                return;
            }
            Tensor finalX = x;
            NewtonCg.Solution s = NewtonCg.solve(v -> AD.hvp(f, finalX, v), Ops.neg(vg.grad()), 50, 1e-12);
            hvps += s.products();
            Tensor step = s.x();
            double t = 1;
            while (f.apply(Ops.add(x, Ops.mul(step, t))).item() > fx + 1e-4 * t * Ops.sum(Ops.mul(vg.grad(), step)).item() && t > 1e-10) t *= 0.5;
            System.out.printf("%4d %24s %12.3e %10.3e %6d%n", it, String.format("(%.6f, %.6f)", xv[0], xv[1]), fx, gnorm, s.products());
            x = Ops.add(x, Ops.mul(step, t));
        }
    }

}
