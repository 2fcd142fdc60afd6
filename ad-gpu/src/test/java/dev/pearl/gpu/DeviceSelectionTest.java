package dev.pearl.gpu;

import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing devices and choosing one by position or name; a request no device meets says so in one line. */
class DeviceSelectionTest {

    @Test
    void devicesAreListedAndTheFirstIsTheBest() {
        assertTrue(OpenCl.isAvailable());
        assertNull(OpenCl.unavailableReason());
        List<OpenClDeviceInfo> devices = OpenCl.devices();
        assertFalse(devices.isEmpty());
        for (int i = 0; i < devices.size(); i++) assertEquals(i, devices.get(i).index());
        OpenClDeviceInfo first = devices.get(0);
        assertTrue(first.computeUnits() > 0 && first.globalMemory() > 0 && first.maxAllocation() > 0, first.toString());
        assertEquals(first.name(), OpenClTestSupport.discrete().deviceName());
    }

    @Test
    void aDeviceIsChosenByIndexOrByPartOfItsName() {
        OpenClDeviceInfo first = OpenCl.devices().get(0);
        String part = first.name().substring(0, Math.min(6, first.name().length())).toUpperCase();
        OpenClOptions options = OpenClTestSupport.discreteOptions().withArenaMiB(32, 32);
        OpenClBackend byName = OpenCl.device(part, options), byIndex = OpenCl.device("0", options);
        try {
            assertEquals(first.name(), byName.deviceName());
            assertEquals(first.name(), byIndex.deviceName());
            assertEquals(2f, byName.toFloatArray(byName.full(Shape.of(1), DType.FLOAT32, 2))[0]);
            assertTrue(byName.isRunningOnDevice());
        } finally {
            byName.release();
            byIndex.release();
        }
    }

    @Test
    void aRequestNoDeviceMeetsFailsWithOneLine() {
        for (String spec : new String[]{"no-such-device-xyz", "99"}) {
            OpenClUnavailableException e = assertThrows(OpenClUnavailableException.class, () -> OpenCl.device(spec));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("no OpenCL device"), e.getMessage());
        }
    }
}
