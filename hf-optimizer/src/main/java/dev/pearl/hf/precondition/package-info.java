/** Martens' diagonal preconditioner and the estimators of squared per-case gradients it needs. */
package dev.pearl.hf.precondition;
