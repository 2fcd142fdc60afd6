package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.data.sequence.SequenceTask;
import dev.pearl.examples.report.Plots;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.TanhRnnModel;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;

import java.nio.file.Path;
import java.util.List;

/**
 * A tanh RNN ({@link TanhRnn}) on a long-term-dependency problem (Martens &amp; Sutskever 2011):
 * the task's masked loss, and the hidden pre-activations declared structural, so that HF damps
 * them (structural damping, μ of {@link dev.pearl.hf.HfOptions}); the other optimizers see the
 * plain loss. The weights start from {@link TanhRnn#sparseInit}, the initialisation of Sutskever's
 * released code. Errors are the fractions of sequences not solved; metrics.csv adds the test loss
 * and both solved fractions.
 */
final class RnnRun implements RunModel {
    static final FractionReport REPORT = new FractionReport("solved", "ok");

    private final SequenceSpec spec;
    private final SequenceTask task;
    private final TanhRnn net;
    /** The first step that can carry a target: the model makes no outputs before it. */
    private final int firstOutput;

    RnnRun(SequenceSpec spec) {
        this.spec = spec;
        this.task = spec.sequenceTask();
        this.net = new TanhRnn(task.inputs(), spec.hidden(), task.outputs());
        this.firstOutput = task.firstTargetStep(spec.length());
    }

    @Override
    public void check(TrainingData data) {
        if (data.sequences() == null || data.sequences().task() != task)
            throw new IllegalArgumentException("--model rnn trains on " + task.name() + " sequences; " + data.description() + " are not");
    }

    @Override
    public Problem problem(double weightCost) {
        return Problem.ofStructuredModel(TanhRnnModel.of(net, firstOutput), task.kind().loss()).withWeightCost(WeightCost.of(weightCost));
    }

    @Override
    public Params init(Backend backend, DType dtype, long seed) {
        return net.sparseInit(backend, dtype, seed);
    }

    @Override
    public Batch trainingBatch(TrainingData data) {
        return Batch.of(data.train(), data.sequences().train().targets(data.train().backend(), data.train().dtype(), firstOutput));
    }

    @Override
    public SetMeasure measure(TrainingData data, boolean test, int cases) {
        TrainingData.Sequences s = data.sequences();
        // Case n depends only on (seed, n): the first cases of a set are the set of that size.
        var set = test ? s.test() : s.train();
        if (cases < set.cases()) set = task.generate(cases, s.length(), test ? TrainingData.testSeed(s.seed()) : s.seed());
        return new SequenceMeasure(TanhRnnModel.outputs(net, firstOutput), firstOutput, task.kind().loss(), set, data.train().backend(), data.train().dtype());
    }

    @Override
    public RunReport report() {
        return REPORT;
    }

    @Override
    public Pictures pictures(Path dir, String title, String label, TrainingData data, SetMeasure testMeasure) {
        return new SequencePictures(dir, title, label);
    }

    @Override
    public List<String> pictureFiles() {
        return List.of(Plots.CURVES_FILE);
    }

    @Override
    public String describe(RunConfig config) {
        return "tanh RNN " + task.inputs() + "-" + spec.hidden() + "-" + task.outputs() + " on " + spec.describe();
    }

    @Override
    public String initialisation() {
        return "sparse init (" + TanhRnn.SPARSE_CONNECTIONS + " incoming weights per unit from N(0, 1/" + TanhRnn.SPARSE_CONNECTIONS
                + "), input weights times " + TanhRnn.SPARSE_INPUT_SCALE + "), zero biases";
    }
}
