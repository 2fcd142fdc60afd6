/**
 * The optimizer-agnostic training loop: optimizers as step functions on immutable states,
 * listeners, stop conditions; what every optimizer shares: the seeded minibatch order
 * ({@link dev.pearl.hf.train.Minibatches}), saving and restoring states
 * ({@link dev.pearl.hf.train.Resumable}, {@link dev.pearl.hf.train.SavedState}) and the range
 * checks of settings records ({@link dev.pearl.hf.train.SettingChecks}).
 */
package dev.pearl.hf.train;
