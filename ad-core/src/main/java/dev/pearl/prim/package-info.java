/**
 * The primitives: each class declares an operation's output shape, its forward kernel call, its
 * JVP rule and its VJP rule together. Rules are written with the primitives themselves (the
 * package-private {@code Rules} vocabulary, never the public {@code Ops} facade), so they are
 * differentiable again, and they accept {@code null} for a zero tangent or cotangent.
 */
package dev.pearl.prim;
