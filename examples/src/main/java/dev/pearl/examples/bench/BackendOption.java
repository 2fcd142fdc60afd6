package dev.pearl.examples.bench;

import dev.pearl.cpu.CpuBackend;
import dev.pearl.gpu.OpenCl;
import dev.pearl.gpu.OpenClUnavailableException;
import dev.pearl.tensor.Backend;

import java.io.PrintWriter;

/**
 * Turns --backend/--threads into a Backend: {@code cpu}, {@code opencl} (the best OpenCL device)
 * or {@code opencl:<index or part of a name>} (see {@code pearl devices}). Where OpenCL cannot be
 * had, a one-line notice says why and the CPU backend runs instead.
 */
public final class BackendOption {
    private BackendOption() {
    }

    /** Notices go to standard error. */
    public static Backend create(String name, int threads) {
        return create(name, threads, new PrintWriter(System.err, true));
    }

    public static Backend create(String name, int threads, PrintWriter notices) {
        if (name.equals("cpu")) return new CpuBackend(threads);
        if (name.equals("opencl") || name.startsWith("opencl:")) {
            try {
                return name.equals("opencl") ? OpenCl.best() : OpenCl.device(name.substring("opencl:".length()));
            } catch (OpenClUnavailableException e) {
                notices.println("pearl: " + e.getMessage() + "; using the cpu backend");
                notices.flush();
                return new CpuBackend(threads);
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "' (expected cpu, opencl or opencl:<device>)");
    }
}
