package dev.pearl.ops;

import net.jqwik.api.Arbitrary;

/** An {@code Ops} method with the generator of its applications. */
record OpCase(String signature, Arbitrary<OpInstance> instances) {
}
