package dev.pearl.examples.compare;

import dev.pearl.examples.PearlCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compare command on small hand-written metrics files. */
class CompareCommandTest {
    private static final String HF = String.join("\n",
            "iteration,elapsed_s,train_error,test_error,gradient_s,cg_s,linesearch_s,gv_products,iteration_s",
            "0,1.0,300,301,,,,,0",
            "1,50,40,41,2,9,1,20,12",
            "2,200,30,32,4,7,1,16,12",
            "3,400,20,22,2,5,3,12,10",
            "4,700,21,23,6,3,1,10,10",
            "");
    /** Rounds of four steps: the split is per step. */
    private static final String STOCHASTIC_HF = String.join("\n",
            "iteration,elapsed_s,train_error,test_error,gradient_s,cg_s,linesearch_s,gv_products,iteration_s,updates",
            "0,1.0,300,301,,,,,0,0",
            "1,20,50,51,4,8,2,40,8,4",
            "2,40,45,46,4,12,2,48,12,8",
            "");
    private static final String SGD = String.join("\n",
            "iteration,elapsed_s,train_error,test_error",
            "0,1.0,300,301",
            "1,100,35,36",
            "");

    @Test
    void reportsErrorsAtFixedTimesTheLowestErrorAndTheMedianSplit(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("hf"));
        Files.writeString(dir.resolve("hf/metrics.csv"), HF);
        Files.writeString(dir.resolve("sgd.csv"), SGD);
        Files.writeString(dir.resolve("shf.csv"), STOCHASTIC_HF);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "compare", "--at", "1,5,10",
                "--plot", dir.resolve("cmp.png").toString(), "HF=" + dir.resolve("hf"), "SGD=" + dir.resolve("sgd.csv"), "SHF=" + dir.resolve("shf.csv"));
        assertEquals(0, code, err.toString());
        String text = out.toString();
        // At 60 s the last HF row is iteration 1; at 300 s iteration 2; at 600 s iteration 3 (the 700 s row is later).
        assertTrue(text.contains("| HF | 4 | 40.000 / 41.000 | 30.000 / 32.000 | 20.000 / 22.000 | 21.000 / 23.000 (11.7 min) | 20.000 (22.000) |"), text);
        assertTrue(text.contains("| SGD | 1 | 300.000 / 301.000 | 35.000 / 36.000 | 35.000 / 36.000 |"), text);
        // Medians of rows 1-4: iteration (10,10,12,12) 11, gradient (2,2,4,6) 3, CG (3,5,7,9) 6, Gv (10,12,16,20) 14, search (1,1,1,3) 1.
        assertTrue(text.contains("| HF | 1.00 | 11.0 | 3.00 | 6.00 | 14.0 | 1.00 |"), text);
        assertTrue(text.contains("| SGD | 1.00 | - | - | - | - | - |"), text);
        // Per step of four: iteration (2, 3) 2.5, gradient 1, CG (2, 3) 2.5, Gv (10, 12) 11, search 0.5.
        assertTrue(text.contains("| SHF | 4.00 | 2.50 | 1.00 | 2.50 | 11.0 | 0.500 |"), text);
        assertTrue(Files.size(dir.resolve("cmp.png")) > 0);
    }

    @Test
    void aMissingRunIsOneLineNamingTheFile(@TempDir Path dir) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PearlCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "compare", dir.resolve("nope").toString());
        assertEquals(1, code);
        assertTrue(err.toString().strip().matches("pearl: .*nope.*metrics.csv.*|pearl: .*nope.*no such file.*"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
