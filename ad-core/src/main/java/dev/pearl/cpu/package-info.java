/**
 * The default backend. Elementwise kernels run through one strided engine that merges contiguous
 * dimensions and converts chunks of float32 to double, so a single set of math loops serves both
 * dtypes; with the Vector API the conversions, the arithmetic and the transcendental loops run on
 * vectors (lane for lane the scalar results). Reductions accumulate in double; matmul is the
 * blocked, multi-threaded kernel in {@code gemm}. All kernels share one
 * {@link dev.pearl.cpu.parallel.ThreadPool}: the calling thread and its workers claim pieces of a kernel as
 * they come free, so a worker that wakes late costs nothing.
 */
package dev.pearl.cpu;

