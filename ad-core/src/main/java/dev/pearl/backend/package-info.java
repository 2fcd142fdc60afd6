/**
 * The kernel vocabulary backends implement: {@link dev.pearl.backend.Storage} and the names of the
 * elementwise and reduction kernels. It depends on nothing else in Pearl.
 */
package dev.pearl.backend;
