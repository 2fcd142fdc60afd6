package dev.pearl.examples.train;

import dev.pearl.examples.train.SetMeasure.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One report for the models measured by a fraction right: each states only its words. */
class FractionReportTest {
    private static final Measurement TRAIN = new Measurement(0.25, 0.125), TEST = new Measurement(0.5, 0.75);

    @Test
    void theWordNamesTheColumnsTheHeadingsAndTheClosingLine() {
        FractionReport solved = new FractionReport("solved", "ok");
        assertEquals(List.of("test_loss", "train_solved", "test_solved"), solved.measureColumns());
        assertEquals(solved.measureColumns(), solved.extraColumns().subList(Trainer.EXTRA_COLUMNS.size(), solved.extraColumns().size()));
        assertEquals(Map.of("test_loss", 0.5, "train_solved", 0.875, "test_solved", 0.25), solved.measureCells(TRAIN, TEST));
        assertEquals("train solved 87.50%, test solved 25.00%", solved.outcome(TRAIN, TEST));
        assertEquals("train loss  train ok  test loss   test ok", solved.progressHeader());
        assertEquals("     0.250    87.50%      0.500    25.00%", solved.progress(TRAIN, TEST));
        assertEquals("train accuracy 87.50%, test accuracy 25.00%", new FractionReport("accuracy", "acc").outcome(TRAIN, TEST));
        assertEquals("-", new FractionReport("solved", "ok").progress(new Measurement(Double.NaN, Double.NaN), TEST).strip().split("\\s+")[1]);
    }

    @Test
    void aHeadingWiderThanItsColumnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FractionReport("solved", "solved"));
    }
}
