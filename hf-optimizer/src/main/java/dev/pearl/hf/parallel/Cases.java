package dev.pearl.hf.parallel;

/**
 * A set of training cases as a {@link StepData} names it: a batch in process, a selection of every
 * shard's cases when the data is spread. Two equal handles name the same cases.
 */
public interface Cases {
}
