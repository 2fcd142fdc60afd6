package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.models.LeNet;
import dev.pearl.examples.report.ConfusionPlot;
import dev.pearl.examples.report.Plots;
import dev.pearl.examples.train.SetMeasure.Measurement;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LeNet-5-like classifier ({@link LeNet}) on labelled 28x28 images: softmax cross-entropy on
 * the class numbers, so HF's Gauss-Newton products go through that matching loss. Errors are
 * error rates; metrics.csv adds the test loss and both accuracies.
 */
final class LenetRun implements RunModel {
    static final List<String> MEASURE_COLUMNS = List.of("test_loss", "train_accuracy", "test_accuracy");
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
    public List<String> extraColumns() {
        List<String> columns = new ArrayList<>(Trainer.EXTRA_COLUMNS);
        columns.addAll(MEASURE_COLUMNS);
        return columns;
    }

    @Override
    public Map<String, Object> measureCells(Measurement train, Measurement test) {
        return Map.of("test_loss", test.loss(), "train_accuracy", 1 - train.error(), "test_accuracy", 1 - test.error());
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%10s %9s %10s %9s", "train loss", "train acc", "test loss", "test acc");
    }

    @Override
    public String progress(Measurement train, Measurement test) {
        return String.format(Locale.ROOT, "%10s %9s %10s %9s", Format.error(train.loss()), percent(1 - train.error()),
                Format.error(test.loss()), percent(1 - test.error()));
    }

    @Override
    public String outcome(Measurement train, Measurement test) {
        return "train accuracy " + percent(1 - train.error()) + ", test accuracy " + percent(1 - test.error());
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

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
