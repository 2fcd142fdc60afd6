import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.examples.bench.BackendOption;
import dev.pearl.examples.data.Datasets;
import dev.pearl.examples.data.TrainTest;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfIteration;
import dev.pearl.hf.HfOptions;
import dev.pearl.hf.HfSettings;
import dev.pearl.hf.HfState;
import dev.pearl.hf.StepMeasures;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Init;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line per HF iteration on the CURVES auto-encoder, as `pearl train` sets it up (sparse init
 * with 15 weights per unit, weight cost 1e-5, float32), with what the plateau diagnosis needs.
 * Run from the worktree root after `mvn -B -q package -DskipTests`:
 *   java --add-modules jdk.incubator.vector -cp examples/target/pearl.jar docs/results/hf-plateau/HfTrace.java key=value ...
 * Keys (defaults): seed=7 train=5000 threads=2 iterations=25 gradient=5000 curvature=1000 cg=250 lambda=1
 * pre=martens|none damped=false decrease=0.6667 eps=5e-4 layers=true
 */
public class HfTrace {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("seed", "7", "train", "5000", "threads", "2", "iterations", "25", "gradient", "5000",
                "curvature", "1000", "cg", "250", "lambda", "1", "pre", "martens", "damped", "false"));
        a.putAll(Map.of("decrease", "0.6666666666666666", "eps", "5e-4", "layers", "true"));
        for (String s : args) a.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        long seed = Long.parseLong(a.get("seed"));
        int n = Integer.parseInt(a.get("train"));
        Backend backend = BackendOption.create("cpu", Integer.parseInt(a.get("threads")));
        TrainTest sets = Datasets.load(Datasets.CURVES, n, 1000, seed);
        Tensor x = sets.train().toTensor(backend, DType.FLOAT32);
        Batch training = Batch.of(x, x);
        Mlp mlp = Mlp.autoencoder(784, 400, 200, 100, 50, 25, 6, 25, 50, 100, 200, 400, 784);
        Problem problem = Problem.ofModel(mlp::outputs, Losses.logisticCrossEntropy()).withWeightCost(WeightCost.of(1e-5));

        HfSettings settings = HfSettings.defaultsFor(n, Integer.parseInt(a.get("gradient")))
                .withCurvatureBatch(Integer.parseInt(a.get("curvature"))).withCgMaxIterations(Integer.parseInt(a.get("cg")))
                .withInitialDamping(Double.parseDouble(a.get("lambda")));
        HfOptions options = settings.options(seed);
        options = options.withDamping(options.damping().withDampedModel(Boolean.parseBoolean(a.get("damped")))
                .withFactors(options.damping().increase(), Double.parseDouble(a.get("decrease"))));
        options = options.withCg(options.cg().withProgressTolerance(Double.parseDouble(a.get("eps"))));
        if (a.get("pre").equals("none")) options = options.withPreconditioner(Preconditioner.none());
        HessianFree hf = new HessianFree(problem, settings.plan(training), options);

        Params theta = mlp.init(Init.sparse(15), backend, DType.FLOAT32, seed);
        HfState state = hf.start(theta);
        System.out.println("# " + String.join(" ", args));
        System.out.println("it  err     lambda    rho     cg stop  bt  rate   |g|       |p|       pred       actual     Mmin      Mmax      s");
        System.out.printf(Locale.ROOT, "0   %6.2f%n", error(mlp, theta, x));
        if (Boolean.parseBoolean(a.get("layers"))) {
            layerGradients(problem, theta, training);
            activationSpread(mlp, theta, x);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < Integer.parseInt(a.get("iterations")); i++) {
            var step = hf.step(state, p -> { });
            state = step.state();
            HfIteration r = step.report();
            StepMeasures m = r.measures();
            System.out.printf(Locale.ROOT, "%-3d %6.2f %9.3g %7.3f %4d %-4s %3d %5.3f %9.3g %9.3g %10.3g %10.3g %9.3g %9.3g %5.0f%n",
                    r.iteration(), error(mlp, state.parameters(), x), r.lambda(), r.rho(), r.cgIterations(),
                    r.cgStop() == null ? "-" : r.cgStop().name().substring(0, 4), r.backtrackIterate(), r.stepSize(), m.gradientNorm(), m.stepNorm(),
                    m.predictedChange(), m.actualChange(), m.preconditionerMin(), m.preconditionerMax(), (System.nanoTime() - t0) * 1e-9);
            if (Boolean.parseBoolean(a.get("layers")) && (r.iteration() % 5 == 0)) {
                layerGradients(problem, state.parameters(), training);
                activationSpread(mlp, state.parameters(), x);
            }
        }
    }

    /** Squared error per image, summed over pixels, on the whole training set. */
    static double error(Mlp mlp, Params theta, Tensor x) {
        double e = 0;
        for (int from = 0; from < x.dim(0); from += 1000) {
            Tensor s = Ops.slice(x, 0, from, Math.min(x.dim(0), from + 1000));
            e += Ops.sum(Ops.square(Ops.sub(Ops.sigmoid(mlp.outputs(theta, s)), s))).item();
        }
        return e / x.dim(0);
    }

    /**
     * Per layer, the mean over units of each unit's standard deviation across the first 1000 images:
     * how much of the input still tells the cases apart at that depth (logistic units, the code
     * layer linear).
     */
    static void activationSpread(Mlp mlp, Params theta, Tensor x) {
        int[] sizes = mlp.sizes();
        int code = 1;
        for (int i = 1; i < sizes.length - 1; i++) if (sizes[i] < sizes[code]) code = i;
        Tensor h = Ops.slice(x, 0, 0, Math.min(1000, x.dim(0)));
        StringBuilder sb = new StringBuilder("#  unit spread by layer:");
        for (int l = 0; l < sizes.length - 1; l++) {
            Tensor z = Ops.add(Ops.matmul(h, theta.get(2 * l)), theta.get(2 * l + 1));
            h = l + 1 == code || l == sizes.length - 2 ? z : Ops.sigmoid(z);
            if (l == sizes.length - 2) h = Ops.sigmoid(z);
            Tensor centred = Ops.sub(h, Ops.mean(h, true, 0));
            Tensor std = Ops.sqrt(Ops.mean(Ops.square(centred), 0));
            sb.append(String.format(Locale.ROOT, " %.2g", Ops.mean(std).item()));
        }
        System.out.println(sb);
    }

    /** ‖∂f/∂W_l‖ per weight layer: how much of the gradient reaches each layer. */
    static void layerGradients(Problem problem, Params theta, Batch batch) {
        Params g = problem.gradient(theta, batch).gradient();
        StringBuilder sb = new StringBuilder("#  |dW| by layer:");
        for (int i = 0; i < g.size(); i += 2) sb.append(String.format(Locale.ROOT, " %.2g", Ops.sqrt(Ops.sum(Ops.square(g.get(i)))).item()));
        System.out.println(sb);
    }
}
