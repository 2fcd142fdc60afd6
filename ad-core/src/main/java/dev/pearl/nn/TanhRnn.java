package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A tanh recurrent network: h_t = tanh(x_t·Wxh + h_{t−1}·Whh + bh) with h_0 = 0, and outputs
 * z_t = h_t·Why + by (pre-activations for a matching {@link Loss}). Inputs are time-major,
 * [steps, cases, inputs]. It is written with ordinary ops in a loop, so grad, jvp, linearize and
 * hvp work through time with no special code; the hidden states are returned so that a damping
 * term (structural damping) or a loss on several steps can use them.
 * Parameters are named Wxh, Whh, bh, Why, by.
 */
public final class TanhRnn {
    /** {@link #sparseInit}: nonzero incoming weights per unit, and their standard deviation 1/√15. */
    public static final int SPARSE_CONNECTIONS = 15;
    /** {@link #sparseInit}: the input weights' extra factor, which keeps the inputs from drowning the memory in the state. */
    public static final double SPARSE_INPUT_SCALE = 0.25;

    private final int inputs, hidden, outputs;

    /**
     * A network of the given sizes.
     *
     * @param inputs input features per step, &gt;= 1
     * @param hidden hidden units, &gt;= 1
     * @param outputs outputs per step, &gt;= 1
     * @throws IllegalArgumentException if a size is below 1
     */
    public TanhRnn(int inputs, int hidden, int outputs) {
        if (inputs < 1 || hidden < 1 || outputs < 1)
            throw new IllegalArgumentException("TanhRnn: inputs, hidden and outputs must be >= 1, got " + inputs + ", " + hidden + ", " + outputs);
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
    }

    /**
     * The number of hidden units.
     *
     * @return the hidden size
     */
    public int hidden() {
        return hidden;
    }

    /**
     * The number of input features per step.
     *
     * @return the input size
     */
    public int inputs() {
        return inputs;
    }

    /**
     * The number of outputs per step.
     *
     * @return the output size
     */
    public int outputs() {
        return outputs;
    }

    /**
     * Weights N(0, 1)/√fanIn (the recurrent matrix so has spectral radius near 1), zero biases;
     * seeded per matrix.
     *
     * @param backend where the parameters live
     * @param dtype their element type
     * @param seed the random seed
     * @return Wxh, Whh, bh, Why, by in that order
     */
    public Params init(Backend backend, DType dtype, long seed) {
        Init normal = Init.scaledNormal();
        return init(normal, normal, normal, backend, dtype, seed);
    }

    /**
     * The sparse initialisation of Sutskever's released HF-RNN code (Martens &amp; Sutskever 2011):
     * every unit, hidden or output, gets {@link #SPARSE_CONNECTIONS} nonzero incoming weights (all
     * of them when it has fewer inputs) from N(0, 1/15), so the recurrent matrix has spectral
     * radius near 1 at any width; the input weights are then scaled by {@link #SPARSE_INPUT_SCALE}.
     * Biases start at zero. Seeded per matrix like {@link #init}.
     *
     * @param backend where the parameters live
     * @param dtype their element type
     * @param seed the random seed
     * @return Wxh, Whh, bh, Why, by in that order
     */
    public Params sparseInit(Backend backend, DType dtype, long seed) {
        double scale = 1 / Math.sqrt(SPARSE_CONNECTIONS);
        Init sparse = Init.sparse(SPARSE_CONNECTIONS, scale);
        return init(Init.sparse(SPARSE_CONNECTIONS, SPARSE_INPUT_SCALE * scale), sparse, sparse, backend, dtype, seed);
    }

    private Params init(Init input, Init recurrent, Init output, Backend backend, DType dtype, long seed) {
        return Params.builder()
                .add("Wxh", input.weights(backend, dtype, inputs, hidden, seed * 1_000_003L))
                .add("Whh", recurrent.weights(backend, dtype, hidden, hidden, seed * 1_000_003L + 1))
                .add("bh", backend.full(Shape.of(hidden), dtype, 0))
                .add("Why", output.weights(backend, dtype, hidden, outputs, seed * 1_000_003L + 2))
                .add("by", backend.full(Shape.of(outputs), dtype, 0))
                .build();
    }

    /**
     * The pre-activations a_t = x_t·Wxh + h_{t−1}·Whh + bh and the states h_t = tanh(a_t), each
     * [cases, hidden], for t = 1 … T.
     *
     * @param preActivations a_1 … a_T, each [cases, hidden]
     * @param states h_1 … h_T, each [cases, hidden]
     */
    public record Unrolled(List<Tensor> preActivations, List<Tensor> states) {
    }

    /**
     * h_1 … h_T, each [cases, hidden], for inputs x of shape [T, cases, inputs].
     *
     * @param p the parameters, as {@link #init} names them
     * @param x the inputs [T, cases, inputs], T &gt;= 1
     * @return the T hidden states, first step first
     * @throws IllegalArgumentException if x has another shape
     */
    public List<Tensor> hiddenStates(Params p, Tensor x) {
        return unroll(p, x).states();
    }

    /**
     * Runs the network over inputs x [T, cases, inputs], keeping the pre-activations too: a
     * damping term on the hidden units is best stated on them (tanh's matching loss has Hessian
     * diag(1 − h²) there, which never needs dividing by a vanishing slope).
     *
     * @param p the parameters, as {@link #init} names them
     * @param x the inputs [T, cases, inputs], T &gt;= 1
     * @return the pre-activations and states of the T steps
     * @throws IllegalArgumentException if x has another shape
     */
    public Unrolled unroll(Params p, Tensor x) {
        if (x.rank() != 3 || x.dim(2) != inputs || x.dim(0) < 1)
            throw new IllegalArgumentException("TanhRnn expects inputs [steps >= 1, cases, " + inputs + "], got " + x.shape());
        int steps = x.dim(0), cases = x.dim(1);
        // Each step reads its own input slice: x is data, so slicing it costs nothing in reverse
        // mode, whereas slicing one traced product of all steps would cost a full-size cotangent
        // per step (quadratic in the number of steps).
        Tensor wxh = p.get("Wxh"), whh = p.get("Whh"), bh = p.get("bh");
        List<Tensor> preActivations = new ArrayList<>(steps);
        List<Tensor> states = new ArrayList<>(steps);
        Tensor h = null;
        for (int t = 0; t < steps; t++) {
            Tensor in = Ops.add(Ops.matmul(Ops.reshape(Ops.slice(x, 0, t, t + 1), cases, inputs), wxh), bh);
            Tensor a = h == null ? in : Ops.add(in, Ops.matmul(h, whh));
            h = Ops.tanh(a);
            preActivations.add(a);
            states.add(h);
        }
        return new Unrolled(preActivations, states);
    }

    /**
     * z_t = h_t·Why + by for one hidden state.
     *
     * @param p the parameters, as {@link #init} names them
     * @param state a hidden state [cases, hidden]
     * @return z_t [cases, outputs]
     */
    public Tensor output(Params p, Tensor state) {
        return Ops.add(Ops.matmul(state, p.get("Why")), p.get("by"));
    }

    /**
     * The last step's outputs [cases, outputs]: the form of the long-term-dependency problems.
     *
     * @param p the parameters, as {@link #init} names them
     * @param x the inputs [T, cases, inputs], T &gt;= 1
     * @return z_T [cases, outputs]
     * @throws IllegalArgumentException if x has another shape
     */
    public Tensor lastOutput(Params p, Tensor x) {
        List<Tensor> states = hiddenStates(p, x);
        return output(p, states.get(states.size() - 1));
    }

    @Override
    public String toString() {
        return "TanhRnn[" + inputs + "-" + hidden + "-" + outputs + "]";
    }
}
