package dev.pearl.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The words a POSIX shell makes of a printed command line, found by letting /bin/sh print them instead of running it. */
public final class ShellWords {
    private ShellWords() {
    }

    public static List<String> of(String commandLine) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\n' " + commandLine).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.endsWith("\n"), out);
        return Arrays.asList(out.substring(0, out.length() - 1).split("\n", -1));
    }
}
