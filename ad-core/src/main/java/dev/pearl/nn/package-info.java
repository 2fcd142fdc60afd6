/**
 * Building blocks for models and second-order training: matching losses that know their Hessian
 * in the outputs ({@link dev.pearl.nn.Losses}), linearized Gauss-Newton-vector products
 * ({@link dev.pearl.nn.GaussNewton}), a fully connected network ({@link dev.pearl.nn.Mlp}) and
 * initialisers including Martens' sparse initialisation ({@link dev.pearl.nn.Init}).
 */
package dev.pearl.nn;
