package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.data.sequence.SequenceTask;
import dev.pearl.examples.report.Plots;
import dev.pearl.examples.train.SetMeasure.Measurement;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.TanhRnnModel;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tanh RNN ({@link TanhRnn}) on a long-term-dependency problem (Martens &amp; Sutskever 2011):
 * the task's masked loss, and the hidden pre-activations declared structural, so that HF damps
 * them (structural damping, μ of {@link dev.pearl.hf.HfOptions}); the other optimizers see the
 * plain loss. Errors are the fractions of sequences not solved; metrics.csv adds the test loss
 * and both solved fractions.
 */
final class RnnRun implements RunModel {
    static final List<String> MEASURE_COLUMNS = List.of("test_loss", "train_solved", "test_solved");

    private final SequenceSpec spec;
    private final SequenceTask task;
    private final TanhRnn net;

    RnnRun(SequenceSpec spec) {
        this.spec = spec;
        this.task = spec.sequenceTask();
        this.net = new TanhRnn(task.inputs(), spec.hidden(), task.outputs());
    }

    @Override
    public void check(TrainingData data) {
        if (data.sequences() == null || data.sequences().task() != task)
            throw new IllegalArgumentException("--model rnn trains on " + task.name() + " sequences; " + data.description() + " are not");
    }

    @Override
    public Problem problem(double weightCost) {
        return Problem.ofStructuredModel(TanhRnnModel.of(net), task.kind().loss()).withWeightCost(WeightCost.of(weightCost));
    }

    @Override
    public Params init(Backend backend, DType dtype, long seed) {
        return net.init(backend, dtype, seed);
    }

    @Override
    public Batch trainingBatch(TrainingData data) {
        return Batch.of(data.train(), data.sequences().train().targets(data.train().backend(), data.train().dtype()));
    }

    @Override
    public SetMeasure measure(TrainingData data, boolean test, int cases) {
        TrainingData.Sequences s = data.sequences();
        // Case n depends only on (seed, n): the first cases of a set are the set of that size.
        var set = test ? s.test() : s.train();
        if (cases < set.cases()) set = task.generate(cases, s.length(), test ? TrainingData.testSeed(s.seed()) : s.seed());
        return new SequenceMeasure(TanhRnnModel.outputs(net), task.kind().loss(), set, data.train().backend(), data.train().dtype());
    }

    @Override
    public List<String> extraColumns() {
        List<String> columns = new ArrayList<>(Trainer.EXTRA_COLUMNS);
        columns.addAll(MEASURE_COLUMNS);
        return columns;
    }

    @Override
    public Map<String, Object> measureCells(Measurement train, Measurement test) {
        return Map.of("test_loss", test.loss(), "train_solved", 1 - train.error(), "test_solved", 1 - test.error());
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%10s %9s %10s %9s", "train loss", "train ok", "test loss", "test ok");
    }

    @Override
    public String progress(Measurement train, Measurement test) {
        return String.format(Locale.ROOT, "%10s %9s %10s %9s", Format.error(train.loss()), percent(1 - train.error()),
                Format.error(test.loss()), percent(1 - test.error()));
    }

    @Override
    public String outcome(Measurement train, Measurement test) {
        return "train solved " + percent(1 - train.error()) + ", test solved " + percent(1 - test.error());
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
        return "N(0, 1/fan-in) init, zero biases";
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
