package dev.pearl.gpu;

/**
 * An OpenCL device as listed by {@link OpenCl#devices()}.
 *
 * @param index         position in the list, usable with {@link OpenCl#device(int)}
 * @param name          the device's name
 * @param type          GPU, CPU or ACC
 * @param platform      the OpenCL platform (driver) providing it
 * @param computeUnits  compute units (GPU multiprocessors, CPU cores)
 * @param globalMemory  bytes of device memory
 * @param maxAllocation bytes of the largest single buffer
 */
public record OpenClDeviceInfo(int index, String name, String type, String platform, int computeUnits,
                               long globalMemory, long maxAllocation) {
    @Override
    public String toString() {
        return "#" + index + " " + name + " (" + type + ", " + platform + ", " + computeUnits + " compute units, "
                + (globalMemory >> 20) + " MiB)";
    }
}
