package dev.pearl.examples;

import dev.pearl.cpu.gemm.Gemm;
import dev.pearl.gpu.OpenCl;
import picocli.CommandLine.Command;

/**
 * {@code pearl devices}: the CPU's matmul kernels, as chosen for this JVM, and the OpenCL devices
 * {@code --backend opencl:<index or name>} can pick.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"Name the CPU matmul kernels chosen for this CPU and JVM, and list the OpenCL devices",
                "(--backend opencl uses the first; opencl:<index or name> picks one)."})
public final class DevicesCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("cpu: " + Runtime.getRuntime().availableProcessors() + " processors; gemm " + Gemm.kernel());
        String reason = OpenCl.unavailableReason();
        if (reason != null) {
            System.out.println(reason);
            return;
        }
        OpenCl.devices().forEach(System.out::println);
    }
}
