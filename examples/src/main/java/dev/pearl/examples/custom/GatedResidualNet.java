package dev.pearl.examples.custom;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.Problem;
import dev.pearl.nn.Init;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small gated residual network for classification, written directly with {@link Ops}: no
 * built-in layer, no hand-written derivative. Every block adds a gated update to its input,
 * <pre>
 *   h₀     = tanh(x·W_in + b_in)
 *   hₖ     = hₖ₋₁ + σ(hₖ₋₁·G_k + g_k) ∘ tanh(hₖ₋₁·U_k + u_k)      k = 1 .. blocks
 *   scores = h·W_out + b_out
 * </pre>
 * so the gate σ(·) decides, unit by unit, how much of the candidate tanh(·) joins the residual
 * stream. The scores are logits for {@link Losses#softmaxCrossEntropy()}, the loss matching
 * them: it applies the softmax itself and is convex in the scores, which makes the Gauss-Newton
 * matrix Hessian-free optimisation uses positive semi-definite.
 *
 * <h2>Adapting it to your own model</h2>
 * <ol>
 * <li>{@link #parameterShapes()}: name each tensor. Names are what checkpoints and error messages
 *     show; the default weight cost applies to tensors of rank 2 (the matrices), not the biases.</li>
 * <li>{@link #init}: any starting values; here scaled-normal matrices and zero biases.</li>
 * <li>{@link #outputs}: any composition of {@link Ops}, batched over the rows of x. Pearl derives
 *     gradients, Jacobian products and curvature products from it. Prefer smooth functions
 *     (tanh, sigmoid, softplus, exp) to relu or abs if you want finite differences to confirm
 *     the derivatives, as {@code GatedResidualNetProperties} does.</li>
 * <li>{@link #loss()}: the loss matching the output layer: softmax cross-entropy for one class
 *     per case, {@link Losses#logisticCrossEntropy()} for independent yes/no outputs,
 *     {@link Losses#squaredError()} for regression with linear outputs.</li>
 * </ol>
 * {@link #problem()} then hands the model to {@code HessianFree} or {@code MomentumSgd}.
 */
public final class GatedResidualNet {
    private final int inputs;
    private final int width;
    private final int blocks;
    private final int classes;

    public GatedResidualNet(int inputs, int width, int blocks, int classes) {
        if (inputs < 1 || width < 1 || blocks < 0 || classes < 2)
            throw new IllegalArgumentException("need inputs >= 1, width >= 1, blocks >= 0 and classes >= 2, got "
                    + inputs + ", " + width + ", " + blocks + ", " + classes);
        this.inputs = inputs;
        this.width = width;
        this.blocks = blocks;
        this.classes = classes;
    }

    /** Parameter names and shapes, in the order {@link #outputs} reads them. */
    public Map<String, Shape> parameterShapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("W_in", Shape.of(inputs, width));
        shapes.put("b_in", Shape.of(width));
        for (int k = 1; k <= blocks; k++) {
            shapes.put("G" + k, Shape.of(width, width));
            shapes.put("g" + k, Shape.of(width));
            shapes.put("U" + k, Shape.of(width, width));
            shapes.put("u" + k, Shape.of(width));
        }
        shapes.put("W_out", Shape.of(width, classes));
        shapes.put("b_out", Shape.of(classes));
        return shapes;
    }

    /** Matrices N(0, 1/fanIn), biases zero; deterministic by seed. */
    public Params init(DType dtype, long seed) {
        Params.Builder params = Params.builder();
        long matrix = 0;
        for (Map.Entry<String, Shape> e : parameterShapes().entrySet()) {
            Shape s = e.getValue();
            params.add(e.getKey(), s.rank() == 2
                    ? Init.scaledNormal().weights(Backends.defaultBackend(), dtype, s.dim(0), s.dim(1), seed * 1_000_003L + matrix++)
                    : Tensor.zeros(dtype, s.dims()));
        }
        return params.build();
    }

    /** Class scores (logits) [cases, classes] for inputs x [cases, inputs]. */
    public Tensor outputs(Params p, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != inputs)
            throw new IllegalArgumentException("expected inputs [cases, " + inputs + "], got " + x.shape());
        Tensor h = Ops.tanh(affine(x, p, "W_in", "b_in"));
        for (int k = 1; k <= blocks; k++) {
            Tensor gate = Ops.sigmoid(affine(h, p, "G" + k, "g" + k));
            Tensor candidate = Ops.tanh(affine(h, p, "U" + k, "u" + k));
            h = Ops.add(h, Ops.mul(gate, candidate));
        }
        return affine(h, p, "W_out", "b_out");
    }

    /** The softmax cross-entropy matching the class scores, averaged over cases. */
    public Loss loss() {
        return Losses.softmaxCrossEntropy();
    }

    /** This model and its loss as something the optimizers minimise. */
    public Problem problem() {
        return Problem.ofModel(this::outputs, loss());
    }

    /** Fraction of cases whose highest score is at their target's highest entry (one-hot targets). */
    public double accuracy(Params p, Tensor x, Tensor targets) {
        double[] scores = outputs(p, x).toDoubleArray(), wanted = targets.toDoubleArray();
        int cases = x.dim(0), correct = 0;
        for (int n = 0; n < cases; n++)
            if (argmax(scores, n * classes, classes) == argmax(wanted, n * classes, classes)) correct++;
        return (double) correct / cases;
    }

    @Override
    public String toString() {
        return "GatedResidualNet[" + inputs + " -> " + width + " x " + blocks + " gated blocks -> " + classes + "]";
    }

    /** x·W + b, with b broadcast over the rows. */
    private static Tensor affine(Tensor x, Params p, String weights, String bias) {
        return Ops.add(Ops.matmul(x, p.get(weights)), p.get(bias));
    }

    private static int argmax(double[] values, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) if (values[from + i] > values[from + best]) best = i;
        return best;
    }
}
