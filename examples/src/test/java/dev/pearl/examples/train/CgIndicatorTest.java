package dev.pearl.examples.train;

import dev.pearl.hf.cg.CgProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log-file form of the CG indicator, on a clock that advances one second per CG step: whole
 * lines only, checked after every step, as a reader of the log (tail -f, grep) would see them.
 */
class CgIndicatorTest {
    private static final String NL = System.lineSeparator();

    private long now;
    private final StringWriter text = new StringWriter();
    private final CgIndicator indicator = new CgIndicator(new PrintWriter(text, true), false, () -> now);

    private void solve(int cgSteps) {
        for (int i = 1; i <= cgSteps; i++) {
            indicator.step(new CgProgress(i, 250, -1.0, null));
            assertOnlyWholeLines();
            now += 1_000_000_000L;
        }
    }

    private void finish() {
        indicator.finish();
        assertOnlyWholeLines();
    }

    private void assertOnlyWholeLines() {
        String s = text.toString();
        assertTrue(s.isEmpty() || s.endsWith(NL), "a partial line was written: [" + s + "]");
        assertFalse(s.replace(NL, "\n").contains("\r"), "a carriage return in a log: [" + s + "]");
    }

    @Test
    void oneLongSolveWritesALineEveryTenCgSteps() {
        solve(34);
        finish();
        assertEquals("  CG 10/250 (9.0s)" + NL + "  CG 20/250 (19.0s)" + NL + "  CG 30/250 (29.0s)" + NL, text.toString());
    }

    @Test
    void aRoundOfShortSolvesWritesALineEveryTenHfSteps() {
        for (int s = 0; s < 25; s++) solve(3);
        finish();
        // Step k starts 3(k − 1) seconds into the round.
        assertEquals("  HF step 10 (27.0s)" + NL + "  HF step 20 (57.0s)" + NL, text.toString());
    }

    @Test
    void aLongFirstSolveThenShortOnesSwitchesFromCgToHfSteps() {
        solve(12);
        for (int s = 0; s < 20; s++) solve(2);
        finish();
        // Step k ≥ 2 starts 12 + 2(k − 2) seconds in.
        assertEquals("  CG 10/250 (9.0s)" + NL + "  HF step 10 (28.0s)" + NL + "  HF step 20 (48.0s)" + NL, text.toString());
    }

    @Test
    void shortSolvesPrintNothing() {
        solve(3);
        finish();
        solve(4);
        finish();
        assertEquals("", text.toString());
    }
}
