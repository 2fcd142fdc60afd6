package dev.pearl.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorModuleTest {
    @Test
    void cpuRunsGetTheParallelCollector() {
        assertTrue(VectorModule.prefersParallelGc(List.of("-Xmx4g"), new String[]{"bench", "ops", "--batch", "5000"}));
    }

    @Test
    void anExplicitCollectorIsKept() {
        assertFalse(VectorModule.prefersParallelGc(List.of("-XX:+UseG1GC"), new String[]{"train"}));
        assertFalse(VectorModule.prefersParallelGc(List.of("-XX:+UseZGC"), new String[0]));
    }

    @Test
    void openClRunsKeepG1ForTheDeviceArenas() {
        assertFalse(VectorModule.prefersParallelGc(List.of(), new String[]{"train", "--backend", "opencl"}));
        assertFalse(VectorModule.prefersParallelGc(List.of(), new String[]{"bench", "ops", "--backend=opencl:0"}));
    }
}
