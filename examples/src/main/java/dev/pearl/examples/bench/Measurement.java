package dev.pearl.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wall times and peak heap of repeated runs of one operation. Timed runs never force a
 * collection: a full GC shrinks the heap, and re-committing its pages would then be timed too.
 * Peak heap is measured in a separate, untimed run started from a collected heap: the JVM heap
 * pools' high-water mark during it (live data plus garbage not yet collected).
 */
final class Measurement {
    private final List<Double> seconds = new ArrayList<>();
    private long peakBytes;

    /** Times one run of body. */
    void time(Runnable body) {
        long t0 = System.nanoTime();
        body.run();
        seconds.add((System.nanoTime() - t0) / 1e9);
    }

    /** Runs body once, untimed, from a collected heap and records the heap's high-water mark. */
    void measurePeakHeap(Runnable body) {
        List<MemoryPoolMXBean> heap = heapPools();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        body.run();
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
