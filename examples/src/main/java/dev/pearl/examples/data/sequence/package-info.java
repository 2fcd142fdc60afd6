/**
 * Seeded generators of the pathological long-term-dependency problems (addition, multiplication,
 * XOR, temporal order, random permutation, noiseless memorisation) as masked sequence batches;
 * docs/sequence-tasks.md gives their definitions and sources.
 */
package dev.pearl.examples.data.sequence;
