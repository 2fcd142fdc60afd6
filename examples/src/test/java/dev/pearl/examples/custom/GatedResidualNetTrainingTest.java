package dev.pearl.examples.custom;

import dev.pearl.Params;
import dev.pearl.examples.PearlCli;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfState;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.DType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatedResidualNetTrainingTest {
    private static final int HF_ITERATIONS = 40;

    @Test
    void hessianFreeSeparatesSpiralsTheUntrainedNetCannot() {
        GatedResidualNet net = new GatedResidualNet(2, 16, 2, 2);
        Batch train = TwoSpirals.generate(500, DType.FLOAT64, 1);
        Batch test = TwoSpirals.generate(500, DType.FLOAT64, 2);
        Params start = net.init(DType.FLOAT64, 1);
        double untrained = net.accuracy(start, test.inputs(), test.targets());

        HessianFree hf = new HessianFree(net.problem(), BatchPlan.of(train));
        HfState end = TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(HF_ITERATIONS), TrainingListener.none());
        double trained = net.accuracy(end.parameters(), test.inputs(), test.targets());
        double loss = net.problem().loss(end.parameters(), train);

        assertTrue(untrained < 0.7, "untrained test accuracy " + untrained);
        assertTrue(trained > 0.95, "test accuracy after " + HF_ITERATIONS + " HF iterations: " + trained);
        assertTrue(loss < 0.1, "training loss after " + HF_ITERATIONS + " HF iterations: " + loss + " (ln 2 = 0.69 is chance)");
    }

    @Test
    void pearlCustomTrainsAndPrintsASummary() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = PearlCli.run("custom", "--optimizer", "both", "--max-seconds", "0.5", "--train-size", "200", "--test-size", "200");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("summary: HF test accuracy") && out.contains("SGD test accuracy"), out);
    }
}
