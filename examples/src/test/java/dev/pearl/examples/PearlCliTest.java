package dev.pearl.examples;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PearlCliTest {
    @Test
    void versionIsTheBuildsVersion() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "--version"), err.toString());
        // The pom's version, filled in by the build: a placeholder left in would not match.
        assertTrue(out.toString().strip().matches("pearl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), out.toString());
    }
}
