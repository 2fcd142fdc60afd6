package dev.pearl.examples.train;

import dev.pearl.hf.cg.CgProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log-file form of the CG indicator, on a clock that advances one second per CG step. */
class CgIndicatorTest {
    private long now;
    private final StringWriter text = new StringWriter();
    private final CgIndicator indicator = new CgIndicator(new PrintWriter(text, true), false, () -> now);

    private void solve(int cgSteps) {
        for (int i = 1; i <= cgSteps; i++) {
            indicator.step(new CgProgress(i, 250, -1.0, null));
            now += 1_000_000_000L;
        }
    }

    @Test
    void oneLongSolveIsMarkedEveryTenCgSteps() {
        solve(34);
        indicator.finish();
        assertEquals("  CG steps 10 20 30, done at 34" + System.lineSeparator(), text.toString());
    }

    @Test
    void aRoundOfShortSolvesIsMarkedEveryTenHfSteps() {
        for (int s = 0; s < 25; s++) solve(3);
        indicator.finish();
        assertEquals("  HF steps 10 20, done after 25 HF steps" + System.lineSeparator(), text.toString());
    }

    @Test
    void aLongFirstSolveThenShortOnesSwitchesFromCgToHfSteps() {
        solve(12);
        for (int s = 0; s < 20; s++) solve(2);
        indicator.finish();
        assertEquals("  CG steps 10; HF steps 10 20, done after 21 HF steps" + System.lineSeparator(), text.toString());
    }

    @Test
    void shortSolvesPrintNothing() {
        solve(3);
        indicator.finish();
        solve(4);
        indicator.finish();
        assertEquals("", text.toString());
    }
}
