package dev.pearl.ad;

/** f(x) and J(x) v. */
public record Jvp<T>(T value, T tangent) {
}
