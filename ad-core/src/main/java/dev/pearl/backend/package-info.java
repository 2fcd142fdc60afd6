/**
 * The kernel vocabulary backends implement: {@link dev.pearl.backend.Storage}, the elementwise
 * functions of one input ({@link dev.pearl.backend.ElementFunction}) and the names of the binary
 * and reduction kernels. It depends on nothing else in Pearl.
 */
package dev.pearl.backend;
