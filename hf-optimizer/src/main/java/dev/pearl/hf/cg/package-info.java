/** Truncated preconditioned conjugate gradient on {@link dev.pearl.Params}, as HF uses it. */
package dev.pearl.hf.cg;
