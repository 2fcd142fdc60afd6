package dev.pearl.examples;

import dev.pearl.gpu.OpenCl;
import picocli.CommandLine.Command;

/** {@code pearl devices}: the OpenCL devices {@code --backend opencl:<index or name>} can pick. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the OpenCL devices (--backend opencl uses the first; opencl:<index or name> picks one).")
public final class DevicesCommand implements Runnable {
    @Override
    public void run() {
        String reason = OpenCl.unavailableReason();
        if (reason != null) {
            System.out.println(reason);
            return;
        }
        OpenCl.devices().forEach(System.out::println);
    }
}
