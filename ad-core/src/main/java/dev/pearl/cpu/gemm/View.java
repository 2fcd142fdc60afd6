package dev.pearl.cpu.gemm;

/**
 * A read-only strided view of an operand: element (r, p) lives at {@code off + r*rs + p*cs}, where
 * r is the output index (row of op(A), column of op(B)) and p runs along k. Transposition is just a
 * swap of the two strides, so no transpose is ever materialised.
 */
final class View<A> {
    final A data;
    final int off, rs, cs;
    /** When not null, slice p along k starts at off + kStarts[p] (cs unused): an implicit convolution's taps. */
    final int[] kStarts;

    View(A data, int off, int rs, int cs) {
        this(data, off, rs, cs, null);
    }

    private View(A data, int off, int rs, int cs, int[] kStarts) {
        this.data = data;
        this.off = off;
        this.rs = rs;
        this.cs = cs;
        this.kStarts = kStarts;
    }

    /** Element (r, p) at off + kStarts[p] + r: lines adjacent in memory, slices of k wherever they lie. */
    static <A> View<A> runs(A data, int off, int[] kStarts) {
        return new View<>(data, off, 1, 0, kStarts);
    }

    int at(int r, int p) {
        return off + r * rs + (kStarts == null ? p * cs : kStarts[p]);
    }
}
