/**
 * Pearl's core: tensors, primitives with their derivative rules, forward and reverse mode and
 * their nesting, Gauss-Newton products, nn building blocks, the CPU backend and the
 * gradient-check tools. It exports the public API and the SPI for backends and primitives
 * (docs/public-api.md); the primitives behind {@code Ops} and the CPU backend's kernels are not
 * exported. The Vector API (fast CPU kernels) and jqwik (the {@code check} package's
 * generators) are optional: present them when you use them.
 */
module dev.pearl.core {
    requires static jdk.incubator.vector;
    requires static net.jqwik.api;
    // The GEMM reads the JIT's vector flags (UseAVX) through the HotSpot diagnostic bean.
    requires jdk.management;

    exports dev.pearl;
    exports dev.pearl.ad;
    exports dev.pearl.nn;
    exports dev.pearl.check;
    exports dev.pearl.tensor;
    exports dev.pearl.trace;
    exports dev.pearl.backend;

    uses dev.pearl.tensor.BackendProvider;
    provides dev.pearl.tensor.BackendProvider with dev.pearl.cpu.CpuBackendProvider;
}
