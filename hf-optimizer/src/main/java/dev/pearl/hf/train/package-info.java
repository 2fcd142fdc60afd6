/**
 * The optimizer-agnostic training loop: optimizers as step functions on immutable states,
 * listeners, stop conditions.
 */
package dev.pearl.hf.train;
