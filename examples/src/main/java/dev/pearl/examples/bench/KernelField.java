package dev.pearl.examples.bench;

import dev.pearl.cpu.gemm.Gemm;

/** The CPU matmul kernels in use, as the {@code "gemm"} field every bench JSON line ends with. */
final class KernelField {
    private KernelField() {
    }

    /** {@code ,"gemm":"..."}, to append before a JSON line's closing brace. */
    static String json() {
        return ",\"gemm\":\"" + Gemm.kernel().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
