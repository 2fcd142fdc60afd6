package dev.pearl.gpu;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point to OpenCL: lists devices and creates {@link OpenClBackend}s.
 *
 * <pre>
 * Backend gpu = OpenCl.best();                 // a GPU if there is one, else any OpenCL device
 * OpenCl.devices().forEach(System.out::println);
 * Backend chosen = OpenCl.device("pthread");   // by index ("1") or part of the name
 * </pre>
 *
 * Asking for a device where there is none throws {@link OpenClUnavailableException} with a
 * one-line reason; nothing here falls back to the CPU or to Aparapi's Java thread pool.
 */
public final class OpenCl {
    /**
     * Aparapi's logger. Aparapi's configuration sets every root log handler to its own level when
     * it loads; this class undoes that and keeps Aparapi's chatter (environment warnings that
     * this class turns into one-line messages) off unless -Dcom.aparapi.logLevel asks for it.
     */
    private static final Logger APARAPI_LOG;

    static {
        Handler[] handlers = Logger.getLogger("").getHandlers();
        Level[] levels = new Level[handlers.length];
        for (int i = 0; i < handlers.length; i++) levels[i] = handlers[i].getLevel();
        String aparapiLevel = System.getProperty("com.aparapi.logLevel");
        try {
            Class.forName("com.aparapi.Config", true, OpenCl.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
        for (int i = 0; i < handlers.length; i++) handlers[i].setLevel(levels[i]);
        APARAPI_LOG = Logger.getLogger("com.aparapi.logLevel");
        if (aparapiLevel == null) APARAPI_LOG.setLevel(Level.OFF);
    }

    private OpenCl() {
    }

    /**
     * Whether at least one OpenCL device can be used.
     *
     * @return true when {@link #unavailableReason()} is null
     */
    public static boolean isAvailable() {
        return unavailableReason() == null;
    }

    /**
     * Why OpenCL cannot be used here, in one line, or null when it can.
     *
     * @return the reason, or null when OpenCL can be used
     */
    public static String unavailableReason() {
        if (!OpenCLLoader.isOpenCLAvailable())
            return "OpenCL is not available: the OpenCL library (libOpenCL.so.1) or Aparapi's native library could not be loaded;"
                    + " install an OpenCL driver, e.g. apt-get install ocl-icd-libopencl1 pocl-opencl-icd";
        if (openClDevices().isEmpty())
            return "OpenCL is not available: the OpenCL library loaded but reports no device (is an ICD registered in /etc/OpenCL/vendors?)";
        return null;
    }

    /**
     * The usable devices, GPUs first. Empty when OpenCL is not available.
     *
     * @return the devices, numbered by their position in this list
     */
    public static List<OpenClDeviceInfo> devices() {
        List<OpenCLDevice> list = openClDevices();
        List<OpenClDeviceInfo> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            OpenCLDevice d = list.get(i);
            out.add(new OpenClDeviceInfo(i, d.getName().trim(), String.valueOf(d.getType()), d.getOpenCLPlatform().getName().trim(),
                    d.getMaxComputeUnits(), d.getGlobalMemSize(), d.getMaxMemAllocSize()));
        }
        return out;
    }

    /**
     * A backend on the first listed device (a GPU when there is one).
     *
     * @return a new backend with {@link OpenClOptions#defaults()}
     * @throws OpenClUnavailableException if there is no usable device
     */
    public static OpenClBackend best() {
        return best(OpenClOptions.defaults());
    }

    /**
     * A backend on the first listed device (a GPU when there is one), with the given settings.
     *
     * @param options the backend's settings
     * @return a new backend
     * @throws OpenClUnavailableException if there is no usable device
     */
    public static OpenClBackend best(OpenClOptions options) {
        return new OpenClBackend(require(0), options);
    }

    /**
     * A backend on device {@code index} of {@link #devices()}.
     *
     * @param index a position in {@link #devices()}
     * @return a new backend with {@link OpenClOptions#defaults()}
     * @throws OpenClUnavailableException if OpenCL is not available or there is no such device
     */
    public static OpenClBackend device(int index) {
        return device(index, OpenClOptions.defaults());
    }

    /**
     * A backend on device {@code index} of {@link #devices()}, with the given settings.
     *
     * @param index a position in {@link #devices()}
     * @param options the backend's settings
     * @return a new backend
     * @throws OpenClUnavailableException if OpenCL is not available or there is no such device
     */
    public static OpenClBackend device(int index, OpenClOptions options) {
        return new OpenClBackend(require(index), options);
    }

    /**
     * A backend on the device whose index is {@code spec}, or the first whose name contains it (case-insensitive).
     *
     * @param spec a device index ("1") or part of a device name ("pthread")
     * @return a new backend with {@link OpenClOptions#defaults()}
     * @throws OpenClUnavailableException if OpenCL is not available or no device matches
     */
    public static OpenClBackend device(String spec) {
        return device(spec, OpenClOptions.defaults());
    }

    /**
     * A backend on the device whose index is {@code spec}, or the first whose name contains it
     * (case-insensitive), with the given settings.
     *
     * @param spec a device index ("1") or part of a device name ("pthread")
     * @param options the backend's settings
     * @return a new backend
     * @throws OpenClUnavailableException if OpenCL is not available or no device matches
     */
    public static OpenClBackend device(String spec, OpenClOptions options) {
        String s = spec.trim();
        if (s.matches("\\d+")) return device(Integer.parseInt(s), options);
        requireAvailable();
        for (OpenCLDevice d : openClDevices())
            if (d.getName().toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))) return new OpenClBackend(d, options);
        throw new OpenClUnavailableException("no OpenCL device matches '" + spec + "'; devices: " + devices());
    }

    private static OpenCLDevice require(int index) {
        requireAvailable();
        List<OpenCLDevice> list = openClDevices();
        if (index < 0 || index >= list.size())
            throw new OpenClUnavailableException("no OpenCL device #" + index + "; devices: " + devices());
        return list.get(index);
    }

    private static void requireAvailable() {
        String reason = unavailableReason();
        if (reason != null) throw new OpenClUnavailableException(reason);
    }

    /** OpenCL devices ordered GPU, accelerator, CPU; stable within a type. */
    static List<OpenCLDevice> openClDevices() {
        if (!OpenCLLoader.isOpenCLAvailable()) return List.of();
        List<OpenCLDevice> list = new ArrayList<>(OpenCLDevice.listDevices(null));
        list.sort(Comparator.comparingInt(OpenCl::typeRank));
        return list;
    }

    private static int typeRank(OpenCLDevice d) {
        return d.getType() == Device.TYPE.GPU ? 0 : d.getType() == Device.TYPE.ACC ? 1 : 2;
    }
}
