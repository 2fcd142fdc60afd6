package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.hf.train.SavedState;
import dev.pearl.tensor.Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * DIR/checkpoint.bin of a training run: the configuration (the optimizer's settings included),
 * the run's clock, θ and the rest of the optimizer's state as its {@link SavedState} (numbers as
 * metadata, tensor groups as "group/name"). It is replaced atomically after every iteration, so
 * an interrupted run always leaves a complete checkpoint of its last finished iteration.
 */
final class RunCheckpoint {
    private static final String FORMAT_KEY = "format", FORMAT = "pearl train 1";
    private static final String RUN_PREFIX = "run.";
    private static final String ITERATION = "run.iteration", ELAPSED = "run.elapsed_s", TRAIN = "run.train_s", EVAL = "run.eval_s",
            LAST_ITERATION = "run.last_iteration_s";
    private static final String PARAMETERS = "theta";

    /** A checkpoint read back, with the generic parts decoded. */
    record Saved(Checkpoint checkpoint, RunConfig config, int iteration, double elapsedSeconds, double trainSeconds,
                 double evalSeconds, double lastIterationSeconds, Params parameters, SavedState optimizerState) {
        /** The run's clock, going on from where it stopped. */
        RunClock clock() {
            return new RunClock(elapsedSeconds, trainSeconds, evalSeconds, lastIterationSeconds);
        }
    }

    private RunCheckpoint() {
    }

    static Path file(Path dir) {
        return dir.resolve(Checkpoint.FILE_NAME);
    }

    static void write(Path dir, RunConfig config, RunClock clock, int iteration, Params parameters, SavedState optimizerState) throws IOException {
        Checkpoint.Builder b = Checkpoint.builder().put(FORMAT_KEY, FORMAT);
        config.toMetadata().forEach(b::put);
        b.put(ITERATION, iteration)
                .put(ELAPSED, clock.elapsed())
                .put(TRAIN, clock.trainSeconds())
                .put(EVAL, clock.evalSeconds())
                .put(LAST_ITERATION, clock.lastIterationSeconds())
                .addAll(PARAMETERS, parameters);
        optimizerState.numbers().forEach(b::put);
        optimizerState.groups().forEach(b::addAll);
        b.build().write(file(dir));
    }

    /** Reads DIR/checkpoint.bin; every problem becomes one clear message naming the file. */
    static Saved read(Path dir, Backend backend) throws IOException {
        Path file = file(dir);
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "cannot resume: no such run directory");
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "cannot resume: no checkpoint in " + dir);
        Checkpoint c = Checkpoint.read(file, backend);
        String source = file.toString();
        if (!FORMAT.equals(c.metadata().get(FORMAT_KEY)))
            throw new IllegalArgumentException(source + ": not a checkpoint of 'pearl train' (format '" + c.metadata().get(FORMAT_KEY) + "')");
        try {
            RunConfig config = RunConfig.fromMetadata(c.metadata(), source);
            int iteration = Integer.parseInt(c.meta(ITERATION));
            return new Saved(c, config, iteration, Double.parseDouble(c.meta(ELAPSED)),
                    Double.parseDouble(c.meta(TRAIN)), Double.parseDouble(c.meta(EVAL)), Double.parseDouble(c.meta(LAST_ITERATION)),
                    c.params(PARAMETERS), config.optimizer().upgrade(optimizerState(c), iteration));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": damaged run metadata (" + e.getMessage() + ")");
        }
    }

    /** Everything in the checkpoint that is neither the run's own nor θ. */
    private static SavedState optimizerState(Checkpoint c) {
        SavedState s = new SavedState();
        for (Map.Entry<String, String> e : c.metadata().entrySet()) {
            String key = e.getKey();
            if (!key.equals(FORMAT_KEY) && !key.startsWith(RunConfig.PREFIX) && !key.startsWith(RUN_PREFIX)) s.putText(key, e.getValue());
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String name : c.tensors().names()) {
            int slash = name.indexOf('/');
            if (slash > 0) groups.add(name.substring(0, slash));
        }
        groups.remove(PARAMETERS);
        for (String group : groups) s.putParams(group, c.params(group));
        return s;
    }
}
