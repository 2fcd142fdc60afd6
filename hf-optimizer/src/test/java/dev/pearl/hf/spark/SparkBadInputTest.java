package dev.pearl.hf.spark;

import dev.pearl.hf.parallel.ProblemSpec;
import dev.pearl.hf.parallel.ShardTask;
import dev.pearl.hf.parallel.SmallNet;
import dev.pearl.tensor.DType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkBadInputTest {

    @Test
    void anUnreachableMasterIsAOneLineError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, and nothing listens once closed
        }
        String master = "spark://127.0.0.1:" + port;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkRuntime.open(master, "unreachable"));
        assertTrue(e.getMessage().contains(master) && e.getMessage().contains("unreachable"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aModelThatCannotBeSerialisedIsAOneLineError() {
        NotSerializableModel model = new NotSerializableModel();
        ProblemSpec spec = () -> model.problem();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparkShards(TestSpark.context(), spec,
                SmallNet.DEFAULT.data(10, DType.FLOAT64, 1), SmallNet.DEFAULT.init(DType.FLOAT64, 1), 2, Reduction.ORDERED));
        assertTrue(e.getMessage().contains("cannot be serialised") && e.getMessage().contains(NotSerializableModel.class.getName()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(TestSpark.context().sc().getPersistentRDDs().isEmpty(), "nothing cached for a run that never started");
    }

    @Test
    void aTaskThatFailsEndsTheSumWithOneLineNamingTheCause() {
        SmallNet net = SmallNet.DEFAULT;
        try (SparkShards shards = new SparkShards(TestSpark.context(), net, net.data(10, DType.FLOAT64, 1), net.init(DType.FLOAT64, 1), 2,
                Reduction.ORDERED)) {
            ShardTask failing = (worker, theta, vector) -> {
                throw new IllegalStateException("shard " + worker.index() + " cannot work");
            };
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> shards.sum(failing, net.init(DType.FLOAT64, 1), null));
            assertTrue(e.getMessage().startsWith("Spark failed during a sum over the shards: ") && e.getMessage().contains("cannot work"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(TestSpark.context().sc().getPersistentRDDs().isEmpty(), "the shards are uncached after close");
    }

    /** A model object that holds state and was never made serialisable. */
    private static final class NotSerializableModel {
        dev.pearl.hf.problem.Problem problem() {
            return SmallNet.DEFAULT.build();
        }
    }
}
