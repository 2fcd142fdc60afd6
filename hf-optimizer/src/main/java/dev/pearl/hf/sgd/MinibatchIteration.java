package dev.pearl.hf.sgd;

import dev.pearl.hf.train.IterationReport;

/**
 * One step of a minibatch gradient method.
 *
 * @param iteration    the step just completed (from 1)
 * @param loss         the minibatch's data loss where its gradient was taken (θ + μv for Nesterov)
 * @param objective    that loss plus the weight cost
 * @param learningRate the step size used
 * @param momentum     the momentum used: μ_t for SGD, β1 for Adam, 0 for RMSProp
 * @param epoch        the pass over the training set this step belongs to (from 0)
 * @param casesSeen    training cases whose gradients were computed so far, this step included
 * @param seconds      wall-clock time of the step
 * @param accepted     false when the gradient was not finite: θ kept
 */
public record MinibatchIteration(int iteration, double loss, double objective, double learningRate, double momentum, int epoch,
                                 long casesSeen, double seconds, boolean accepted) implements IterationReport {
}
