/** Martens' Hessian-free optimizer and its baselines, on top of ad-core. */
package dev.pearl.hf;
