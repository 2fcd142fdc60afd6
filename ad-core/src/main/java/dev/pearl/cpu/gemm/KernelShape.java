package dev.pearl.cpu.gemm;

import java.util.List;

/**
 * A Vector API micro-kernel's tile: rows of C by vectors of the preferred species. It holds
 * rows x vectors accumulators, loads one register per vector of B and broadcasts one of A, and
 * is fast only while all of them stay in registers: 8 x 3 (28 registers) suits AVX-512, SVE and
 * NEON with their 32; with AVX2's 16 its accumulators spill every k-step, and 6 x 2 (15) fits.
 */
final class KernelShape {
    /**
     * Shapes in order of preference; the first that fits the register file is used. Measured on a
     * Zen 4 (docs/results/cpu-speed): with 32 registers 8x3 beat 12x2, with 16 6x2 beat 4x3.
     */
    static final List<KernelShape> PREFERRED = List.of(of(8, 3), of(12, 2), of(6, 2), of(4, 3));

    final int rows, vectors;

    private KernelShape(int rows, int vectors) {
        this.rows = rows;
        this.vectors = vectors;
    }

    static KernelShape of(int rows, int vectors) {
        if (rows < 1 || vectors < 1) throw new IllegalArgumentException("kernel shape must be positive, got " + rows + "x" + vectors);
        return new KernelShape(rows, vectors);
    }

    /** Parses "RxV" (e.g. "6x2"), as taken by the pearl.gemm.kernel property. */
    static KernelShape parse(String s) {
        String[] p = s.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) return of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("pearl.gemm.kernel must be rows x vectors such as 6x2, got '" + s + "'");
    }

    /** Vector registers the inner loop needs: accumulators, one per B vector, one broadcast. */
    int registers() {
        return rows * vectors + vectors + 1;
    }

    /** The preferred shape whose registers fit in {@code available}; the smallest when none does. */
    static KernelShape fitting(int available) {
        KernelShape smallest = PREFERRED.get(0);
        for (KernelShape s : PREFERRED) {
            if (s.registers() <= available) return s;
            if (s.registers() < smallest.registers()) smallest = s;
        }
        return smallest;
    }

    /** Rough multiply-adds per ns on one core, from whole GEMMs measured here (~5 lanes per ns). */
    double lanesPerNs(int lanes) {
        return 4.0 * lanes;
    }

    @Override
    public String toString() {
        return rows + "x" + vectors;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelShape && ((KernelShape) o).rows == rows && ((KernelShape) o).vectors == vectors;
    }

    @Override
    public int hashCode() {
        return rows * 31 + vectors;
    }
}
