package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import dev.pearl.examples.data.TrainTest;
import dev.pearl.hf.problem.Batch;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.io.IOException;

/** The images of a run, as data sets (for pictures) and as tensors on the run's backend (for training and measuring). */
record TrainingData(String description, TrainTest sets, Tensor train, Tensor test) {

    /** Loads or generates at most trainSize / testSize images of a --dataset value. */
    static TrainingData load(String dataset, int trainSize, int testSize, long seed, Backend backend, DType dtype) throws IOException {
        TrainTest sets = Datasets.load(dataset, trainSize, testSize, seed);
        if (sets.train().n() == 0) throw new IllegalArgumentException(dataset + ": no training images");
        if (sets.test().n() == 0) throw new IllegalArgumentException(dataset + ": no test images");
        return new TrainingData(describe(dataset), sets, sets.train().toTensor(backend, dtype), sets.test().toTensor(backend, dtype));
    }

    /** "CURVES" or "MNIST-format images from DIR". */
    static String describe(String dataset) {
        if (dataset.equalsIgnoreCase(Datasets.CURVES)) return "CURVES";
        return "MNIST-format images from " + dataset.substring(Datasets.MNIST_IDX_PREFIX.length());
    }

    /** "CURVES" or "MNIST": the experiment of the paper that the run repeats. */
    static String experiment(String dataset) {
        return dataset.equalsIgnoreCase(Datasets.CURVES) ? "CURVES" : "MNIST";
    }

    /** Auto-encoder targets are the inputs. */
    Batch trainingBatch() {
        return Batch.of(train, train);
    }

    int trainSize() {
        return sets.train().n();
    }

    int testSize() {
        return sets.test().n();
    }

    int dim() {
        return sets.train().dim();
    }
}
