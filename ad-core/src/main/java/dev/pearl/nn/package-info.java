/**
 * Building blocks for models and second-order training: matching losses that know their Hessian
 * in the outputs ({@link dev.pearl.nn.Losses}, including softmax cross-entropy on class labels),
 * linearized Gauss-Newton-vector products ({@link dev.pearl.nn.GaussNewton}), a fully connected
 * network ({@link dev.pearl.nn.Mlp}), layers composed by {@link dev.pearl.nn.Sequential}
 * ({@link dev.pearl.nn.Conv2d}, {@link dev.pearl.nn.Pool2d}, {@link dev.pearl.nn.Flatten},
 * {@link dev.pearl.nn.Dense}, and each {@link dev.pearl.nn.Activation}) for convolutional nets such
 * as LeNet-5 (stretches of convolutions, pooling and activations run with the cases last, see
 * {@link dev.pearl.nn.CasesLayout}), a bag-of-embeddings text classifier ({@link dev.pearl.nn.BagOfEmbeddings}), and
 * initialisers including Martens' sparse initialisation ({@link dev.pearl.nn.Init}). Every model
 * here returns the pre-activations a matching loss expects, so
 * {@code GaussNewton.at(p -> model.outputs(p, x), loss, theta, targets)} works for all of them.
 */
package dev.pearl.nn;
