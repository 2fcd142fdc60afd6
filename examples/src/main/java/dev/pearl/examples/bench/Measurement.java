package dev.pearl.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wall times and peak heap of repeated runs of one operation. Peak heap is the JVM heap pools'
 * high-water mark during the run (live data plus garbage not yet collected), measured from a
 * collected heap.
 */
final class Measurement {
    private final List<Double> seconds = new ArrayList<>();
    private long peakBytes;

    /** Times one run of body, tracking the heap high-water mark. */
    void time(Runnable body) {
        List<MemoryPoolMXBean> heap = heapPools();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        body.run();
        seconds.add((System.nanoTime() - t0) / 1e9);
        long peak = 0;
        for (MemoryPoolMXBean p : heap) peak += p.getPeakUsage().getUsed();
        peakBytes = Math.max(peakBytes, peak);
    }

    double median() {
        double[] s = sorted();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() {
        return sorted()[0];
    }

    double peakHeapMb() {
        return peakBytes / (1024.0 * 1024.0);
    }

    private double[] sorted() {
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> out = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.isValid()) out.add(p);
        return out;
    }
}
