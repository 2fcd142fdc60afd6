/** The baseline: minibatch SGD with classical or Nesterov momentum (Sutskever et al. 2013). */
package dev.pearl.hf.sgd;
