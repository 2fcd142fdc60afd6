package dev.pearl.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wall times, CPU times and peak heap of repeated runs of one operation. The CPU time is summed
 * over the JVM's threads (per-thread clocks: the process clock ticks in 10 ms steps on some
 * systems), so on a machine shared with other jobs it counts the cycles the operation used, not
 * the time it waited for a core. Timed runs never force a
 * collection: a full GC shrinks the heap, and re-committing its pages would then be timed too.
 * Peak heap is measured in a separate, untimed run started from a collected heap: the JVM heap
 * pools' high-water mark during it (live data plus garbage not yet collected).
 */
final class Measurement {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<Double> seconds = new ArrayList<>(), cpuSeconds = new ArrayList<>();
    private long peakBytes;

    /** Times one run of body. */
    void time(Runnable body) {
        long[] ids = THREADS.getAllThreadIds();
        long[] c0 = THREADS.getThreadCpuTime(ids);
        long t0 = System.nanoTime();
        body.run();
        seconds.add((System.nanoTime() - t0) / 1e9);
        long[] c1 = THREADS.getThreadCpuTime(ids);
        long cpu = 0;
        for (int i = 0; i < ids.length; i++) if (c0[i] >= 0 && c1[i] >= 0) cpu += c1[i] - c0[i]; // -1: thread gone
        cpuSeconds.add(cpu / 1e9);
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
        return median(seconds);
    }

    /** Median CPU seconds of all threads per run. */
    double medianCpu() {
        return median(cpuSeconds);
    }

    double min() {
        return sorted(seconds)[0];
    }

    double peakHeapMb() {
        return peakBytes / (1024.0 * 1024.0);
    }

    private static double median(List<Double> values) {
        double[] s = sorted(values);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double[] sorted(List<Double> values) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
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
