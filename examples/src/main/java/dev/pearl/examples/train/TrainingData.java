package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import dev.pearl.examples.data.IdxImages;
import dev.pearl.examples.data.MalformedDataException;
import dev.pearl.examples.data.TrainTest;
import dev.pearl.examples.data.sequence.SequenceSet;
import dev.pearl.examples.data.sequence.SequenceTask;
import dev.pearl.hf.train.Seeds;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The images of a run, as data sets (for pictures) and as tensors on the run's backend (for
 * training and measuring); for a classifier also their labels (else null). A sequence task's run
 * has its generated sequences instead of images (sets and labels null, train and test its inputs).
 */
record TrainingData(String description, TrainTest sets, Tensor train, Tensor test, Labels labels, Sequences sequences) {

    /** Class numbers of the training and test images, as arrays and as tensors [cases] of whole numbers in the run's dtype. */
    record Labels(int[] train, int[] test, Tensor trainTensor, Tensor testTensor) {
    }

    /** A task's generated sequences, the same in every run of its seed: training ones from the seed, test ones from another. */
    record Sequences(SequenceTask task, int length, long seed, SequenceSet train, SequenceSet test) {
    }

    /** trainSize sequences from the run's seed and testSize fresh ones from a seed derived from it. */
    static TrainingData generate(SequenceSpec spec, int trainSize, int testSize, long seed, Backend backend, DType dtype) {
        SequenceTask task = spec.sequenceTask();
        Sequences s = new Sequences(task, spec.length(), seed, task.generate(trainSize, spec.length(), seed), task.generate(testSize, spec.length(), testSeed(seed)));
        return new TrainingData(spec.task() + " sequences (T = " + spec.length() + ")", null, s.train().inputs(backend, dtype),
                s.test().inputs(backend, dtype), null, s);
    }

    /** The test sequences' seed: another stream than the training ones'. */
    static long testSeed(long seed) {
        return Seeds.mix(seed, TEST_STREAM);
    }

    private static final long TEST_STREAM = 0x7e57L;

    /** Loads or generates at most trainSize / testSize images of a --dataset value. */
    static TrainingData load(String dataset, int trainSize, int testSize, long seed, Backend backend, DType dtype) throws IOException {
        TrainTest sets = Datasets.load(dataset, trainSize, testSize, seed);
        if (sets.train().n() == 0) throw new IllegalArgumentException(dataset + ": no training images");
        if (sets.test().n() == 0) throw new IllegalArgumentException(dataset + ": no test images");
        return new TrainingData(describe(dataset), sets, sets.train().toTensor(backend, dtype), sets.test().toTensor(backend, dtype), null, null);
    }

    /**
     * At most trainSize / testSize labelled images of side x side pixels from an mnist-idx:DIR
     * data set, whose labels must be class numbers 0..classes-1; anything else is an error naming
     * the file (and the offset of a bad label).
     */
    static TrainingData loadLabelled(String dataset, int trainSize, int testSize, Backend backend, DType dtype, int side, int classes)
            throws IOException {
        String need = "--model lenet classifies labelled " + side + "x" + side + " images";
        if (!dataset.startsWith(Datasets.MNIST_IDX_PREFIX))
            throw new IllegalArgumentException(need + " (--dataset mnist-idx:DIR), but " + dataset + " has no labels");
        Path dir = Path.of(dataset.substring(Datasets.MNIST_IDX_PREFIX.length()));
        for (String name : new String[]{IdxImages.TRAIN_IMAGES, IdxImages.TEST_IMAGES}) {
            Path file = IdxImages.find(dir, name);
            int[] size = IdxImages.imageSize(file);
            if (size[0] != side || size[1] != side)
                throw new IllegalArgumentException(need + ", but " + file + " holds " + size[0] + "x" + size[1] + " images");
        }
        TrainingData images = load(dataset, trainSize, testSize, 0, backend, dtype);
        int[] train = labels(dir, IdxImages.TRAIN_LABELS, IdxImages.TRAIN_IMAGES, images.trainSize(), classes, need);
        int[] test = labels(dir, IdxImages.TEST_LABELS, IdxImages.TEST_IMAGES, images.testSize(), classes, need);
        Labels labels = new Labels(train, test, asTensor(train, backend, dtype), asTensor(test, backend, dtype));
        return new TrainingData(images.description(), images.sets(), images.train(), images.test(), labels, null);
    }

    private static int[] labels(Path dir, String name, String imagesName, int images, int classes, String need) throws IOException {
        Path file;
        try {
            file = IdxImages.find(dir, name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(need + ", but " + dir + " has no " + name + " or " + name + ".gz beside " + imagesName);
        }
        int[] labels = IdxImages.readLabels(file, images);
        if (labels.length < images)
            throw new MalformedDataException(file, 4, "at byte offset 4: " + labels.length + " labels for the " + images + " images of " + imagesName);
        for (int i = 0; i < labels.length; i++)
            if (labels[i] >= classes)
                throw new MalformedDataException(file, 8 + i, "at byte offset " + (8 + i) + ": label " + labels[i] + " is not a class 0.." + (classes - 1));
        return labels;
    }

    private static Tensor asTensor(int[] labels, Backend backend, DType dtype) {
        double[] values = new double[labels.length];
        for (int i = 0; i < labels.length; i++) values[i] = labels[i];
        return backend.fromArray(values, Shape.of(labels.length), dtype);
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

    int trainSize() {
        return train.dim(0);
    }

    int testSize() {
        return test.dim(0);
    }

    int dim() {
        return sets.train().dim();
    }
}
