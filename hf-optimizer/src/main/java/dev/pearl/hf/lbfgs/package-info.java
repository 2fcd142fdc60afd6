/**
 * The quasi-Newton baseline: L-BFGS ({@link dev.pearl.hf.lbfgs.Lbfgs}) with its curvature pairs
 * ({@link dev.pearl.hf.lbfgs.CurvaturePairs}) and a strong-Wolfe line search
 * ({@link dev.pearl.hf.lbfgs.WolfeLineSearch}), on the whole training set or on large batches
 * that stay fixed for a number of steps.
 */
package dev.pearl.hf.lbfgs;
