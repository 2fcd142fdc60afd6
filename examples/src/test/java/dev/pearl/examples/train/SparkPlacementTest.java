package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A --spark run's master and shards: chosen when it starts, stored with it, kept or moved by --resume. */
class SparkPlacementTest {
    private static final SparkPlacement CLUSTER = new SparkPlacement("spark://head:7077", 8);

    @Test
    void aNewRunIsInProcessWithoutSparkAndTakesFourShardsByDefault() {
        assertNull(SparkPlacement.fresh(null, null));
        assertEquals(new SparkPlacement("local[2]", SparkPlacement.DEFAULT_SHARDS), SparkPlacement.fresh("local[2]", null));
        assertEquals(new SparkPlacement("local[2]", 3), SparkPlacement.fresh("local[2]", 3));
        assertEquals("--spark-shards 3 goes with --spark MASTER",
                assertThrows(IllegalArgumentException.class, () -> SparkPlacement.fresh(null, 3)).getMessage());
    }

    @Test
    void aResumedRunKeepsItsMasterAndShardsUnlessToldToMoveAndNeverChangesItsShards() {
        assertEquals(CLUSTER, SparkPlacement.resumed(CLUSTER, null, null));
        assertEquals(CLUSTER, SparkPlacement.resumed(CLUSTER, null, 8));
        assertEquals(new SparkPlacement("local[2]", 8), SparkPlacement.resumed(CLUSTER, "local[2]", null));
        String message = assertThrows(IllegalArgumentException.class, () -> SparkPlacement.resumed(CLUSTER, null, 2)).getMessage();
        assertEquals("--spark-shards 2 disagrees with the run, which sums over 8 shards (the count fixes the order of the sums); drop it", message);
        assertNull(SparkPlacement.resumed(null, null, null), "an in-process run stays in process");
        assertEquals(new SparkPlacement("local[2]", 2), SparkPlacement.resumed(null, "local[2]", 2), "or moves onto Spark when told");
    }

    @Test
    void thePlacementSurvivesTheCheckpointMetadataAndAnInProcessRunHasNone() {
        RunConfig inProcess = ConfigResolver.fresh(new RunOptions(), Datasets.CURVES, 200, 100, null, null);
        assertNull(RunConfig.fromMetadata(inProcess.toMetadata(), "checkpoint.bin").spark());
        RunConfig onCluster = inProcess.withSpark(CLUSTER);
        assertEquals(CLUSTER, RunConfig.fromMetadata(onCluster.toMetadata(), "checkpoint.bin").spark());
        assertEquals(CLUSTER, onCluster.withLimits(3, 60).spark(), "new limits keep the placement");
    }

    @Test
    void aDamagedPlacementInTheMetadataIsNamedWithItsFile() {
        Map<String, String> metadata = new LinkedHashMap<>(ConfigResolver.fresh(new RunOptions(), Datasets.CURVES, 200, 100, null, null)
                .withSpark(CLUSTER).toMetadata());
        metadata.put(RunConfig.PREFIX + "spark_shards", "many");
        String message = assertThrows(IllegalArgumentException.class, () -> RunConfig.fromMetadata(metadata, "run/checkpoint.bin")).getMessage();
        assertTrue(message.startsWith("run/checkpoint.bin: a Spark run needs config.spark_master and a number in config.spark_shards"), message);
    }
}
