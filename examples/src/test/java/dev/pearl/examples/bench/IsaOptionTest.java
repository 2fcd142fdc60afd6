package dev.pearl.examples.bench;

import dev.pearl.examples.PearlCli;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --isa maps each instruction set to the JVM flags that impose it, and names a wrong one. */
class IsaOptionTest {
    private static List<String> flags(String isa) {
        IsaOption o = new IsaOption();
        o.isa = isa;
        return o.jvmFlags();
    }

    @Test
    void eachSetHasItsFlag() {
        assertEquals(List.of(), flags("native"));
        assertEquals(List.of("-XX:UseAVX=2"), flags("avx2"));
        assertEquals(List.of("-XX:UseAVX=3"), flags("AVX512"));
        assertEquals(List.of("-Dpearl.gemm.scalar=true"), flags("scalar"));
    }

    @Test
    void anUnknownSetIsNamedWithTheChoices() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "matmul", "--isa", "sse9");
        assertTrue(code != 0);
        String line = err.toString().trim();
        assertTrue(line.contains("'sse9'") && line.contains("native, avx2, avx512 or scalar") && !line.contains("\n"), line);
    }
}
