/**
 * HF's sums over shards on Apache Spark: {@link dev.pearl.hf.spark.SparkShards} runs the shard
 * tasks of {@link dev.pearl.hf.parallel.ShardedData} on a cached RDD, {@link dev.pearl.hf.spark.SparkRuntime}
 * opens the context. Spark is a provided dependency: it must be on the classpath (spark-submit's,
 * or added by hand) for this package to load.
 */
package dev.pearl.hf.spark;
