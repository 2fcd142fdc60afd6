/**
 * The first-order baselines, on one minibatch loop ({@link dev.pearl.hf.sgd.MinibatchOptimizer}:
 * seeded per-epoch shuffles, the problem's weight cost, non-finite gradients kept from θ):
 * SGD with classical or Nesterov momentum, constant or with Sutskever et al.'s (2013) rising
 * schedule ({@link dev.pearl.hf.sgd.MomentumSgd}), RMSProp ({@link dev.pearl.hf.sgd.RmsProp}) and
 * Adam ({@link dev.pearl.hf.sgd.Adam}). Each has its settings record with the published defaults.
 */
package dev.pearl.hf.sgd;
