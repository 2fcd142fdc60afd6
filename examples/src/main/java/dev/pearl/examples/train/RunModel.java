package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run trains (the --model): the model and its matching loss as a {@link Problem},
 * its initial parameters, the training cases and targets, how it is measured, described and
 * drawn. Everything else about a run (optimizers, limits, checkpoints, metrics.csv) is shared.
 */
interface RunModel {
    static RunModel of(RunConfig config) {
        return switch (config.model()) {
            case LENET -> new LenetRun();
            case RNN -> new RnnRun(config.sequence());
            case AUTOENCODER -> new AutoencoderRun(config.layers());
        };
    }

    /** Throws a one-line error when the loaded data does not fit the model. */
    void check(TrainingData data);

    Problem problem(double weightCost);

    Params init(Backend backend, DType dtype, long seed);

    /** The training inputs with their targets. */
    Batch trainingBatch(TrainingData data);

    /** The measure on the first {@code cases} training (or test) cases. */
    SetMeasure measure(TrainingData data, boolean test, int cases);

    /** Its columns of metrics.csv, progress line and closing words. */
    RunReport report();

    Pictures pictures(Path dir, String title, String label, TrainingData data, SetMeasure testMeasure);

    /** The pictures' file names. */
    List<String> pictureFiles();

    /** "MNIST auto-encoder 784-1000-...-784", the start of the run's summary and its pictures' title. */
    String describe(RunConfig config);

    /** How the initial weights are drawn, for the run's summary. */
    String initialisation();
}
