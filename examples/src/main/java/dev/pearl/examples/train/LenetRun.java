package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.models.LeNet;
import dev.pearl.examples.report.ConfusionPlot;
import dev.pearl.examples.report.Plots;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;

import java.nio.file.Path;
import java.util.List;

/**
 * The LeNet-5-like classifier ({@link LeNet}) on labelled 28x28 images: softmax cross-entropy on
 * the class numbers, so HF's Gauss-Newton products go through that matching loss. Errors are
 * error rates; metrics.csv adds the test loss and both accuracies.
 */
final class LenetRun implements RunModel {
    static final FractionReport REPORT = new FractionReport("accuracy", "acc");
    private static final Loss LOSS = Losses.softmaxCrossEntropyWithLabels();

    @Override
    public void check(TrainingData data) {
        if (data.labels() == null || data.dim() != LeNet.PIXELS)
            throw new IllegalArgumentException("--model lenet classifies labelled " + LeNet.SIDE + "x" + LeNet.SIDE + " images; "
                    + data.description() + " are not");
    }

    @Override
    public Problem problem(double weightCost) {
        return Problem.ofModel(LeNet::outputs, LOSS).withWeightCost(WeightCost.of(weightCost));
    }

    @Override
    public Params init(Backend backend, DType dtype, long seed) {
        return LeNet.net().init(backend, dtype, seed);
    }

    @Override
    public Batch trainingBatch(TrainingData data) {
        return Batch.of(data.train(), data.labels().trainTensor());
    }

    @Override
    public SetMeasure measure(TrainingData data, boolean test, int cases) {
        TrainingData.Labels labels = data.labels();
        return test ? new ClassificationError(LeNet::outputs, LOSS, LeNet.CLASSES, data.test(), labels.testTensor(), labels.test(), cases)
                : new ClassificationError(LeNet::outputs, LOSS, LeNet.CLASSES, data.train(), labels.trainTensor(), labels.train(), cases);
    }

    @Override
    public RunReport report() {
        return REPORT;
    }

    @Override
    public Pictures pictures(Path dir, String title, String label, TrainingData data, SetMeasure testMeasure) {
        return new ClassifierPictures(dir, title, label, (ClassificationError) testMeasure);
    }

    @Override
    public List<String> pictureFiles() {
        return List.of(Plots.CURVES_FILE, ConfusionPlot.FILE);
    }

    @Override
    public String describe(RunConfig config) {
        return "LeNet-5-like classifier (conv 6, pool, conv 16, pool, dense 120-84-10, tanh)";
    }

    @Override
    public String initialisation() {
        return "N(0, 1/fan-in) init";
    }
}
