package dev.pearl.examples.train;

import dev.pearl.hf.train.IterationReport;

/**
 * One round of SGD: a fixed number of minibatch updates, reported as one iteration so that SGD's
 * rows in metrics.csv come at a rate comparable with HF's.
 *
 * @param iteration     rounds completed
 * @param loss          mean minibatch data loss over the round's updates
 * @param objective     mean minibatch objective (loss + weight cost)
 * @param updates       minibatch updates made in total
 * @param epochs        passes over the training set made in total
 * @param learningRate  ε
 * @param momentum      μ of the round's last update
 * @param rejected      updates whose gradient was not finite (θ kept, velocity reset)
 * @param seconds       the round's wall-clock time
 */
record SgdRound(int iteration, double loss, double objective, long updates, double epochs, double learningRate, double momentum,
                int rejected, double seconds) implements IterationReport {
    @Override
    public boolean accepted() {
        return rejected == 0;
    }
}
