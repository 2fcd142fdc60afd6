/**
 * The OpenCL backend (Aparapi kernels compiled from Java). Not built yet: Pearl runs on the CPU
 * backend of ad-core.
 */
package dev.pearl.gpu;
