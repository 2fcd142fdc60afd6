package dev.pearl.hf.problem;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.ValueAndGrad;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The function an optimizer minimises: a data loss on a batch plus a {@link WeightCost}. It is
 * given either as a model's outputs with a matching {@link Loss} (which enables Gauss-Newton
 * curvature and the empirical Fisher) or as any scalar {@link Objective} (exact Hessian only).
 * The weight cost defaults to Martens' {@link WeightCost#martens()}. A {@link StructuredModel}
 * also names the intermediate values that structural damping keeps steady.
 */
public final class Problem {
    private final ModelOutputs outputs;
    private final Loss loss;
    private final Objective dataLoss;
    private final WeightCost weightCost;
    private final StructuredModel structured;
    private final int casesPerPass;

    /**
     * How many cases one gradient pass of a model puts on its tape by default. A model's loss is a
     * mean over cases, so a larger batch is taken in passes of this size whose gradients are summed
     * with weights (cases in the pass) / (cases in the batch): the result is the same up to rounding,
     * and the tape of a long unrolled model (an RNN over 10,000 sequences of 100 steps holds
     * gigabytes at once) stays small enough to live in the caches instead of the collector.
     */
    public static final int DEFAULT_CASES_PER_PASS = 1000;

    private Problem(ModelOutputs outputs, Loss loss, Objective dataLoss, WeightCost weightCost, StructuredModel structured, int casesPerPass) {
        this.outputs = outputs;
        this.loss = loss;
        this.dataLoss = dataLoss;
        this.weightCost = Objects.requireNonNull(weightCost, "weightCost");
        this.structured = structured;
        if (casesPerPass < 1) throw new IllegalArgumentException("cases per gradient pass must be >= 1, got " + casesPerPass);
        this.casesPerPass = casesPerPass;
    }

    /**
     * A model z = outputs(θ, inputs) trained with a loss matching its output nonlinearity.
     *
     * @param outputs the model: parameters and inputs to output pre-activations z
     * @param loss the loss matching the model's output nonlinearity
     * @return the problem, with Martens' weight cost
     * @throws NullPointerException if an argument is null
     */
    public static Problem ofModel(ModelOutputs outputs, Loss loss) {
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(loss, "loss");
        Objective fromModel = (theta, batch) -> loss.value(outputs.apply(theta, batch.inputs()), batch.targets());
        return new Problem(outputs, loss, fromModel, WeightCost.martens(), null, DEFAULT_CASES_PER_PASS);
    }

    /**
     * A model that also declares structural values: Gauss-Newton curvature then adds structural
     * damping λμ·S (Martens &amp; Sutskever 2011) with μ from the optimizer's options.
     *
     * @param model the model, with its outputs and structural values
     * @param loss the loss matching the model's output nonlinearity
     * @return the problem, with Martens' weight cost
     * @throws NullPointerException if an argument is null
     */
    public static Problem ofStructuredModel(StructuredModel model, Loss loss) {
        Objects.requireNonNull(model, "model");
        Problem plain = ofModel((theta, inputs) -> model.apply(theta, inputs).outputs(), loss);
        return new Problem(plain.outputs, loss, plain.dataLoss, plain.weightCost, model, plain.casesPerPass);
    }

    /**
     * Any scalar objective; curvature then comes from its exact Hessian.
     *
     * @param objective the data loss as any differentiable scalar function
     * @return the problem, with Martens' weight cost
     * @throws NullPointerException if objective is null
     */
    public static Problem ofObjective(Objective objective) {
        return new Problem(null, null, Objects.requireNonNull(objective, "objective"), WeightCost.martens(), null, DEFAULT_CASES_PER_PASS);
    }

    /**
     * This problem with another weight cost.
     *
     * @param weightCost the cost added to the data loss, e.g. {@link WeightCost#none()}
     * @return a new problem
     * @throws NullPointerException if weightCost is null
     */
    public Problem withWeightCost(WeightCost weightCost) {
        return new Problem(outputs, loss, dataLoss, weightCost, structured, casesPerPass);
    }

    /**
     * This problem with another bound on the cases of one gradient pass (see
     * {@link #DEFAULT_CASES_PER_PASS}); a plain objective is always taken in one pass.
     *
     * @param cases the most cases one pass puts on its tape, &gt;= 1
     * @return a new problem
     * @throws IllegalArgumentException if cases &lt; 1
     */
    public Problem withCasesPerPass(int cases) {
        return new Problem(outputs, loss, dataLoss, weightCost, structured, cases);
    }

    /**
     * The most cases one gradient pass of a model puts on its tape.
     *
     * @return the bound given to {@link #withCasesPerPass}, or the default
     */
    public int casesPerPass() {
        return casesPerPass;
    }

    /**
     * The cost added to the data loss.
     *
     * @return the weight cost
     */
    public WeightCost weightCost() {
        return weightCost;
    }

    /**
     * True when the problem was given as outputs + loss.
     *
     * @return whether Gauss-Newton curvature and the empirical Fisher are available
     */
    public boolean isModel() {
        return outputs != null;
    }

    /**
     * True when the model declares structural values ({@link #ofStructuredModel}).
     *
     * @return whether structural damping can be applied
     */
    public boolean hasStructure() {
        return structured != null;
    }

    /**
     * The model with its structural values.
     *
     * @return the model given to {@link #ofStructuredModel}
     * @throws UnsupportedOperationException if the model declares no structural values
     */
    public StructuredModel structuredModel() {
        if (structured == null) throw new UnsupportedOperationException("this problem's model declares no structural values (use Problem.ofStructuredModel)");
        return structured;
    }

    /**
     * The model's outputs function.
     *
     * @return the outputs given to {@link #ofModel}
     * @throws UnsupportedOperationException if this problem is a plain objective
     */
    public ModelOutputs outputs() {
        requireModel("model outputs");
        return outputs;
    }

    /**
     * The matching loss.
     *
     * @return the loss given to {@link #ofModel}
     * @throws UnsupportedOperationException if this problem is a plain objective
     */
    public Loss loss() {
        requireModel("a matching loss");
        return loss;
    }

    /**
     * Throws an error naming {@code what} needs a model when this is a plain objective.
     *
     * @param what what needs the model, for the message
     * @throws UnsupportedOperationException if this problem is a plain objective
     */
    public void requireModel(String what) {
        if (!isModel())
            throw new UnsupportedOperationException(what + " needs a model given as outputs + loss (Problem.ofModel); "
                    + "this problem is a scalar objective (use Hessian curvature for it)");
    }

    /**
     * The data loss as a differentiable scalar tensor (no weight cost).
     *
     * @param theta the parameters
     * @param batch the cases
     * @return the data loss, one element
     */
    public Tensor dataLoss(Params theta, Batch batch) {
        return dataLoss.value(theta, batch);
    }

    /**
     * The data loss's value, for a model's batch of more than {@link #casesPerPass} cases summed
     * over the same passes as {@link #gradient}.
     *
     * @param theta the parameters
     * @param batch the cases
     * @return the data loss
     */
    public double loss(Params theta, Batch batch) {
        // The same passes and weights as gradient(), so that a line search compares like with like.
        double sum = 0;
        for (Pass pass : passes(batch)) sum += pass.weight() * passLoss(theta, pass).item();
        return sum;
    }

    /**
     * Data loss plus weight cost: what the optimizer minimises.
     *
     * @param theta the parameters
     * @param batch the cases
     * @return data loss + weight cost at theta
     */
    public double objective(Params theta, Batch batch) {
        return loss(theta, batch) + weightCost.value(theta);
    }

    /**
     * Loss, objective and the objective's gradient: one forward and one backward pass, or for a
     * model's batch of more than {@link #casesPerPass} cases one per about that many cases, summed
     * by case count.
     *
     * @param theta the parameters
     * @param batch the cases
     * @return the loss, the objective and its gradient at theta
     */
    public Gradient gradient(Params theta, Batch batch) {
        double lossValue = 0;
        Params g = null;
        for (Pass pass : passes(batch)) {
            ValueAndGrad<Params> vg = AD.valueAndGrad(p -> passLoss(p, pass), theta);
            lossValue += pass.weight() * vg.value().item();
            g = g == null ? vg.grad().scale(pass.weight()) : g.axpy(pass.weight(), vg.grad());
        }
        if (!weightCost.isZero()) g = g.add(weightCost.gradient(theta));
        return new Gradient(lossValue, lossValue + weightCost.value(theta), g);
    }

    /** Part of a batch taken in one pass, weighted by its share of the cases; whole: the batch itself. */
    private record Pass(Batch part, double weight, boolean whole) {
    }

    /** The batch itself, or for a model's batch of more than casesPerPass cases its chunks of at most that many. */
    private List<Pass> passes(Batch batch) {
        if (!isModel() || batch.size() <= casesPerPass) return List.of(new Pass(batch, 1, true));
        int count = (batch.size() + casesPerPass - 1) / casesPerPass;
        List<Pass> passes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Batch part = batch.chunk(i, count);
            passes.add(new Pass(part, (double) part.size() / batch.size(), false));
        }
        return passes;
    }

    /** The data loss of one pass; weighting chunks by their cases needs a mean over outputs' rows. */
    private Tensor passLoss(Params theta, Pass pass) {
        if (pass.whole()) return dataLoss(theta, pass.part());
        Batch part = pass.part();
        Tensor z = outputs.apply(theta, part.inputs());
        if (z.rank() < 2 || z.dim(0) != part.size())
            throw new IllegalArgumentException("a batch larger than " + casesPerPass + " cases is taken in passes, which needs outputs [cases, ...] "
                    + "(the loss a mean over cases), but " + part.size() + " cases gave outputs " + z.shape()
                    + "; Problem.withCasesPerPass(n) with n >= the batch size takes it in one pass");
        return loss.value(z, part.targets());
    }

    /**
     * ∂L/∂z: the loss's gradient with respect to the model outputs z (rows are cases).
     *
     * @param z the model's outputs
     * @param targets the batch's targets
     * @return ∂L/∂z, shaped like z
     * @throws UnsupportedOperationException if this problem is a plain objective
     */
    public Tensor outputGradient(Tensor z, Tensor targets) {
        requireModel("the loss gradient with respect to the outputs");
        return AD.grad(zz -> loss.value(zz, targets), z);
    }
}
