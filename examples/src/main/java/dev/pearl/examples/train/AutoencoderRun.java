package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.report.Plots;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Init;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;

import java.nio.file.Path;
import java.util.List;

/** The deep auto-encoders of Martens (2010): logistic outputs with cross-entropy, targets the inputs, Martens' sparse initialisation. */
final class AutoencoderRun implements RunModel {
    /** Martens' sparse initialisation: 15 nonzero incoming weights per unit. */
    static final int SPARSE_INIT_CONNECTIONS = 15;

    private final Mlp mlp;

    AutoencoderRun(int[] layers) {
        this.mlp = Mlp.autoencoder(layers);
    }

    @Override
    public void check(TrainingData data) {
        int input = mlp.sizes()[0];
        if (input != data.dim())
            throw new IllegalArgumentException(data.description() + " has " + data.dim() + " pixels per image, but the network's input layer has "
                    + input + " units");
    }

    @Override
    public Problem problem(double weightCost) {
        return Problem.ofModel(mlp::outputs, Losses.logisticCrossEntropy()).withWeightCost(WeightCost.of(weightCost));
    }

    @Override
    public Params init(Backend backend, DType dtype, long seed) {
        return mlp.init(Init.sparse(SPARSE_INIT_CONNECTIONS), backend, dtype, seed);
    }

    /** Auto-encoder targets are the inputs. */
    @Override
    public Batch trainingBatch(TrainingData data) {
        return Batch.of(data.train(), data.train());
    }

    @Override
    public SetMeasure measure(TrainingData data, boolean test, int cases) {
        return new ReconstructionError(mlp, test ? data.test() : data.train(), cases);
    }

    @Override
    public RunReport report() {
        return new SquaredErrorReport();
    }

    @Override
    public Pictures pictures(Path dir, String title, String label, TrainingData data, SetMeasure testMeasure) {
        return new RunPictures(dir, title, label, mlp, data);
    }

    @Override
    public List<String> pictureFiles() {
        return List.of(Plots.CURVES_FILE, Plots.RECONSTRUCTIONS_FILE);
    }

    @Override
    public String describe(RunConfig config) {
        return TrainingData.experiment(config.dataset()) + " auto-encoder " + Architecture.format(config.layers());
    }

    @Override
    public String initialisation() {
        return "sparse init";
    }
}
