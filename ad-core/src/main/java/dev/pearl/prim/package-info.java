/**
 * The primitives: each class declares an operation's output shape, its forward kernel call, its
 * JVP rule and its VJP rule together. Rules are written with {@link dev.pearl.Ops}, so they are
 * differentiable again, and they accept {@code null} for a zero tangent or cotangent.
 */
package dev.pearl.prim;
