/**
 * What is minimised and on which cases: {@link dev.pearl.hf.problem.Problem} (model + loss, or
 * objective, plus weight cost), {@link dev.pearl.hf.problem.Batch} (inputs, targets, sub-batches).
 */
package dev.pearl.hf.problem;
