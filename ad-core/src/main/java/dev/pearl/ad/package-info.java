/**
 * The transforms users call: {@link dev.pearl.ad.AD} ({@code grad}, {@code valueAndGrad},
 * {@code vjp}, {@code jvp}, {@code linearize}, {@code hvp}) on functions of one tensor or of
 * {@link dev.pearl.Params}, with named, shaped zeros where a derivative is zero. The machinery
 * under them (levels, tracers, the reverse sweep, linear programs) is {@code dev.pearl.trace}.
 */
package dev.pearl.ad;
