package dev.pearl.trace;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * One differentiable operation: its forward kernel call, its JVP rule and its VJP rule, declared
 * together. Rules are written with Pearl ops, so every derivative is differentiable again.
 *
 * <p>{@link #bind} is the single entry point: it hands the call to the highest transform level
 * among the inputs (a tracer's level), or evaluates the forward kernel when all inputs are
 * concrete.
 */
public abstract class Primitive {
    private final String name;

    /**
     * A primitive with a name for messages and traces.
     *
     * @param name the op's name, such as "matmul"
     */
    protected Primitive(String name) {
        this.name = name;
    }

    /**
     * The op's name, used in error messages.
     *
     * @return the name given to the constructor
     */
    public final String name() {
        return name;
    }

    /**
     * The output shape; throws an error naming this op and the input shapes when they do not fit.
     *
     * @param in the inputs (their shapes and dtypes; values may be absent)
     * @return the output's shape
     * @throws IllegalArgumentException if the inputs do not fit this op
     */
    public abstract Shape outputShape(Tensor[] in);

    /**
     * The output dtype: by default all inputs must share one.
     *
     * @param in the inputs
     * @return the output's dtype
     * @throws IllegalArgumentException if the inputs' dtypes differ
     */
    public DType outputDType(Tensor[] in) {
        DType d = in[0].dtype();
        for (Tensor t : in) {
            if (t.dtype() != d) throw new IllegalArgumentException(name + ": dtype mismatch " + describe(in) + "; convert with Ops.cast");
        }
        return d;
    }

    /**
     * Evaluates on concrete inputs that all live on {@code backend}; {@code out} is {@link #outputShape}'s answer.
     *
     * @param backend the inputs' backend
     * @param in the concrete inputs
     * @param out the output's shape
     * @return the output, of shape out
     */
    protected abstract DenseTensor forward(Backend backend, DenseTensor[] in, Shape out);

    /**
     * The output's tangent given input tangents ({@code null} = zero). Returns {@code null} when the
     * tangent is zero (e.g. for ops that are not differentiable).
     *
     * @param primals the inputs
     * @param tangents their tangents, null where zero
     * @param out the output
     * @return the output's tangent, or null for zero
     */
    public abstract Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out);

    /**
     * Input cotangents for output cotangent {@code ct}; only entries with {@code needs[i]} are
     * computed, each with the shape of {@code primals[i]}, or {@code null} for zero. Inputs and
     * output that {@link #vjpReadsInput} and {@link #vjpReadsOutput} declare unread arrive as
     * stand-ins that have a shape, dtype and backend but no value.
     *
     * @param primals the inputs (stand-ins where not read)
     * @param out the output (a stand-in where not read)
     * @param ct the output's cotangent
     * @param needs which inputs' cotangents are wanted
     * @return one cotangent per input, null where zero or not needed
     */
    public abstract Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs);

    /**
     * Whether {@link #vjp} reads the value of input {@code i} (not just its shape). Reverse mode
     * keeps until the backward pass only the values some rule reads, so an intermediate no rule
     * reads (a product before its bias is added, a pre-activation whose derivative comes from the
     * activation) is freed during the forward pass. Default: read.
     *
     * @param i the input's position
     * @return whether vjp reads that input's value
     */
    public boolean vjpReadsInput(int i) {
        return true;
    }

    /**
     * Whether {@link #vjp} reads the output's value (not just its shape). Default: read.
     *
     * @return whether vjp reads the output's value
     */
    public boolean vjpReadsOutput() {
        return true;
    }

    /**
     * Applies this primitive, tracing it for every open transform its inputs belong to.
     *
     * @param in the inputs, on one backend
     * @return the output: a concrete tensor, or a tracer of the innermost transform
     * @throws IllegalArgumentException if the inputs do not fit or live on different backends
     * @throws IllegalStateException if a tracer is used after its transform finished
     */
    public final Tensor bind(Tensor... in) {
        Level top = null;
        for (Tensor t : in) {
            if (t instanceof Tracer) top = Level.higher(top, ((Tracer) t).level());
        }
        if (top != null) return top.process(this, in);
        Shape shape = outputShape(in);
        outputDType(in);
        Backend backend = null;
        DenseTensor[] dense = new DenseTensor[in.length];
        for (int i = 0; i < in.length; i++) {
            if (!(in[i] instanceof DenseTensor)) throw new IllegalStateException(name + ": input " + i + " has no value (" + in[i].getClass().getSimpleName() + ")");
            dense[i] = (DenseTensor) in[i];
            if (backend == null) backend = dense[i].backend();
            else if (dense[i].backend() != backend)
                throw new IllegalArgumentException(name + ": inputs live on different backends (" + backend.name() + " and " + dense[i].backend().name() + "); copy them to one with Backend.copyFrom");
        }
        DenseTensor out = forward(backend, dense, shape);
        if (!out.shape().equals(shape))
            throw new IllegalStateException(name + ": kernel returned shape " + out.shape() + ", expected " + shape);
        return out;
    }

    /**
     * "[2,3] float32, [3] float32": for error messages.
     *
     * @param in tensors
     * @return their shapes and dtypes, comma-separated
     */
    public static String describe(Tensor[] in) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < in.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(in[i].shape()).append(' ').append(in[i].dtype());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
