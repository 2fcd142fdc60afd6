package dev.pearl.examples.bench;

import dev.pearl.examples.PearlCli;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap bench's answer is a heap the op runs in, with one a resolution step smaller that it does not. */
class HeapBenchTest {
    @Test
    void reportsTheSmallestHeapTheOpRunsIn() {
        // A batch big enough that the op, not the JVM's own few megabytes, decides the heap.
        String[] options = {"--op", "grad", "--sizes", "784,200,784", "--batch", "2000", "--dtype", "float64", "--threads", "1", "--resolution-mb", "16"};
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] args = new String[options.length + 2];
        args[0] = "bench";
        args[1] = "heap";
        System.arraycopy(options, 0, args, 2, options.length);
        assertEquals(0, PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args), err.toString());
        Matcher m = Pattern.compile("\"min_heap_mb\":(\\d+),\"activations_mb\":([0-9.]+)").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        int heap = Integer.parseInt(m.group(1));
        double activations = Double.parseDouble(m.group(2));
        assertEquals(2000.0 * (784 + 200 + 784) * 8 / (1 << 20), activations, 0.05);
        assertTrue(heap > activations, "a gradient must hold at least its activations: " + out);

        HeapBench bench = new HeapBench();
        new picocli.CommandLine(bench).parseArgs(options);
        assertTrue(bench.runsWithin(heap));
        assertFalse(bench.runsWithin(heap - 2 * 16), "the op also ran with two resolution steps less heap than reported");
    }

    @Test
    void anUnknownOpIsNamedWithTheChoices() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "heap", "--op", "gradient");
        assertTrue(code != 0);
        assertTrue(err.toString().contains("gradient") && err.toString().contains("forward, grad, linearize, gnvp, hvp"), err.toString());
    }
}
