package dev.pearl.cpu.gemm;

/**
 * A read-only strided view of an operand: element (r, p) lives at {@code off + r*rs + p*cs}, where
 * r is the output index (row of op(A), column of op(B)) and p runs along k. Transposition is just a
 * swap of the two strides, so no transpose is ever materialised.
 */
final class View<A> {
    final A data;
    final int off, rs, cs;

    View(A data, int off, int rs, int cs) {
        this.data = data;
        this.off = off;
        this.rs = rs;
        this.cs = cs;
    }

    int at(int r, int p) {
        return off + r * rs + p * cs;
    }
}
