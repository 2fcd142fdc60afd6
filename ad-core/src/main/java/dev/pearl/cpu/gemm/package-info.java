/**
 * Dense matrix multiply on the CPU ({@link dev.pearl.cpu.gemm.Gemm}): a BLIS-style packed driver
 * with a register-blocked micro-kernel, an unpacked path for thin products, and a split of C over
 * the backend's threads.
 *
 * <h2>Which kernel runs</h2>
 * Chosen once, when the class loads, and named by {@code Gemm.kernel()} (printed by
 * {@code pearl devices} and in every {@code pearl bench} line). With the Vector API the
 * micro-kernel keeps a tile of rows x vectors accumulators of the preferred species in registers,
 * and the tile is the preferred one that fits the register file the JIT may use: 8 x 3 vectors
 * (28 registers with the B loads and the broadcast) where there are 32 (x86 with HotSpot's
 * {@code UseAVX=3}, i.e. AVX-512; ARM NEON and SVE), 6 x 2 (15) where there are 16 (AVX2, also an
 * AVX-512 CPU run with {@code -XX:UseAVX=2}; architectures not measured). The register count comes
 * from HotSpot's UseAVX flag, not from the vector width, because AVX-512 encodings have 32
 * registers even at 256 bits. Block sizes (KC, MC, NC) follow the caches read from
 * {@code /sys/devices/system/cpu/cpu0/cache} (defaults elsewhere). Without the Vector API, with
 * vectors narrower than 128 bits or without fused multiply-add, a scalar kernel that C2
 * auto-vectorises runs instead. For measurements, system properties force a choice:
 * {@code pearl.gemm.scalar=true}, {@code pearl.gemm.kernel=RxV} (e.g. 8x3) and
 * {@code pearl.gemm.mc}, {@code .kc}, {@code .nc}.
 *
 * <h2>One source for float and double</h2>
 * The drivers (blocking, packing order, threading, path choice) are generic over the array type
 * and written once against {@code ArrayOps}. What must be element-specific is generated at build
 * time from one source, {@code ad-core/src/build/GenerateGemmSources.java}: the array loops
 * ({@code FloatArrays}, {@code DoubleArrays}) and every micro-kernel ({@code FloatKernel8x3},
 * {@code DoubleKernel6x2}, ...). Generation rather than a generic class, because Java generics
 * reach neither primitive arrays nor the typed vector classes without boxing (a boxed vector costs
 * ~15x), and because a micro-kernel's accumulators must be separate named locals for C2 to keep
 * them in registers: a tile shape cannot be a parameter of one class. The generator writes
 * each shape for each element type from the same text, so adding a shape is one line there.
 */
package dev.pearl.cpu.gemm;
