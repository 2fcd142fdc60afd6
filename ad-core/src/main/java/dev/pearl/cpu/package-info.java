/**
 * The default backend. Elementwise kernels run through one strided engine that merges contiguous
 * dimensions and converts chunks of float32 to double, so a single set of math loops serves both
 * dtypes; reductions accumulate in double; matmul is the blocked, multi-threaded kernel in
 * {@code gemm}. All kernels share one {@link dev.pearl.cpu.ThreadPool} of the configured size.
 */
package dev.pearl.cpu;
