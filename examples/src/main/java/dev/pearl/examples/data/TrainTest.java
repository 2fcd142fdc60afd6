package dev.pearl.examples.data;

/** A training set and the held-out test set that goes with it; both have the same dim. */
public record TrainTest(Dataset train, Dataset test) {
    public TrainTest {
        if (train.dim() != test.dim())
            throw new IllegalArgumentException("train set " + train + " and test set " + test + " differ in dim");
    }

    /** The first trainSize and testSize examples of each. */
    public TrainTest head(int trainSize, int testSize) {
        return new TrainTest(train.head(trainSize), test.head(testSize));
    }
}
