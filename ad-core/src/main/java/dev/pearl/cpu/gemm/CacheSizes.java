package dev.pearl.cpu.gemm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The data caches one core sees: L1d, L2 and its share of L3, in bytes, read once from Linux's
 * /sys/devices/system/cpu/cpu0/cache. Where that is missing (other systems, some containers) the
 * defaults are those of common x86 server cores (32 KiB, 512 KiB, 4 MiB per core), which is also
 * what the block sizes were tuned against.
 */
final class CacheSizes {
    static final CacheSizes DEFAULT = new CacheSizes(32 << 10, 512 << 10, 4 << 20, "default");
    static final Path LINUX = Path.of("/sys/devices/system/cpu/cpu0/cache");

    final long l1d, l2, l3PerCore;
    /** Where the sizes came from: "sysfs" or "default". */
    final String source;

    CacheSizes(long l1d, long l2, long l3PerCore, String source) {
        this.l1d = l1d;
        this.l2 = l2;
        this.l3PerCore = l3PerCore;
        this.source = source;
    }

    static CacheSizes detect() {
        return read(LINUX);
    }

    /** Reads a sysfs cache directory (index0, index1, ... with level, type, size, shared_cpu_list). */
    static CacheSizes read(Path dir) {
        long l1 = 0, l2 = 0, l3 = 0;
        try (var entries = Files.list(dir)) {
            for (Path index : (Iterable<Path>) entries.filter(p -> p.getFileName().toString().startsWith("index"))::iterator) {
                String type = text(index.resolve("type"));
                if (type.equalsIgnoreCase("Instruction")) continue;
                int level = Integer.parseInt(text(index.resolve("level")));
                long size = bytes(text(index.resolve("size")));
                if (level == 1) l1 = size;
                else if (level == 2) l2 = size;
                else if (level == 3) l3 = size / Math.max(1, cpuCount(textOr(index.resolve("shared_cpu_list"), "0")));
            }
        } catch (IOException | RuntimeException e) { // absent or unreadable: fall back as a whole
            return DEFAULT;
        }
        if (l1 <= 0 || l2 <= 0) return DEFAULT;
        return new CacheSizes(l1, l2, l3 > 0 ? l3 : Math.max(l2, DEFAULT.l3PerCore), "sysfs");
    }

    /** "48K", "1024K", "32M" or plain bytes. */
    static long bytes(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long unit = s.endsWith("K") ? 1 << 10 : s.endsWith("M") ? 1 << 20 : s.endsWith("G") ? 1L << 30 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** Number of CPUs in a list such as "0-7,16-23". */
    static int cpuCount(String list) {
        int n = 0;
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) continue;
            String[] range = part.split("-");
            n += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        return n;
    }

    private static String text(Path p) throws IOException {
        return Files.readString(p).trim();
    }

    private static String textOr(Path p, String fallback) {
        try {
            return text(p);
        } catch (IOException e) {
            return fallback;
        }
    }

    @Override
    public String toString() {
        return "L1d=" + kib(l1d) + " L2=" + kib(l2) + " L3/core=" + kib(l3PerCore) + " (" + source + ")";
    }

    private static String kib(long b) {
        return b >= (1 << 20) && b % (1 << 20) == 0 ? (b >> 20) + "M" : (b >> 10) + "K";
    }
}
