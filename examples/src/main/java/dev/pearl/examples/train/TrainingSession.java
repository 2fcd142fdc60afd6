package dev.pearl.examples.train;

import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.train.SetMeasure.Measurement;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.train.IterationReport;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.hf.train.TrainingState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an optimizer until the run's limits, and after every iteration measures the errors,
 * appends a row to metrics.csv, replaces the checkpoint, prints a progress line and now and then
 * redraws the pictures; it stops early when the train error becomes NaN or infinite. The row goes to metrics.csv before the checkpoint is replaced, so every
 * checkpointed iteration has its row; rows after the checkpoint are dropped on resume.
 */
final class TrainingSession<S extends TrainingState, R extends IterationReport> {
    /** How a session ended: the last iteration, its measurements and the run's time. */
    record Outcome(int iteration, double elapsedSeconds, Measurement train, Measurement test) {
    }

    private final RunConfig config;
    private final Path dir;
    private final RunModel model;
    private final Trainer<S, R> trainer;
    private final SetMeasure trainSet;
    private final SetMeasure testSet;
    private final Pictures pictures;
    private final ProgressPrinter progress;
    private final RunClock clock;
    private final MetricsCsv csv;
    private final Object checkpointLock = new Object();
    private volatile int checkpointedIteration = -1;
    private Measurement lastTrain;
    private Measurement lastTest;

    TrainingSession(RunConfig config, Path dir, RunModel model, Trainer<S, R> trainer, SetMeasure trainSet, SetMeasure testSet,
                    Pictures pictures, ProgressPrinter progress, RunClock clock, MetricsCsv csv) {
        this.config = config;
        this.dir = dir;
        this.model = model;
        this.trainer = trainer;
        this.trainSet = trainSet;
        this.testSet = testSet;
        this.pictures = pictures;
        this.progress = progress;
        this.clock = clock;
        this.csv = csv;
    }

    /** From a fresh start (measured and saved as iteration 0) or from a restored state. */
    Outcome run(Rounds.State<S> state, boolean fresh) throws IOException {
        progress.header(model.report().progressHeader(), trainer.progressHeader());
        if (fresh) record(state, trainer.initial(state), 0);
        else checkpointedIteration = state.iteration();
        clock.iterationsStart();
        // A run whose train error is no longer finite has diverged: further steps cannot bring it back.
        StopCondition stop = (iterations, loss, seconds) -> iterations >= config.maxIterations() || clock.wouldOverrun(config.maxSeconds())
                || lastTrain != null && !Double.isFinite(lastTrain.error());
        TrainingListener<Rounds.State<S>, Rounds.Round<R>> listener = new TrainingListener<>() {
            @Override
            public void onIteration(Rounds.Round<R> report, Rounds.State<S> next) {
                clock.addTraining(report.seconds());
                clock.iterationEnded();
                try {
                    record(next, trainer.details(report), report.seconds());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void onCgIteration(CgProgress p) {
                progress.cgStep(p);
            }
        };
        Rounds.State<S> end;
        try {
            end = TrainingLoop.run(trainer.optimizer(), state, stop, listener);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (lastTrain == null) measure(end);
        pictures.draw(end.parameters());
        return new Outcome(end.iteration(), clock.elapsed(), lastTrain, lastTest);
    }

    /** The lock held while the checkpoint is replaced; holding it waits for a write in progress to end. */
    Object checkpointLock() {
        return checkpointLock;
    }

    /** The iteration in the checkpoint on disk (-1 before the first one is written). */
    int checkpointedIteration() {
        return checkpointedIteration;
    }

    private void record(Rounds.State<S> state, IterationDetails details, double iterationSeconds) throws IOException {
        measure(state);
        Map<String, Object> extra = new LinkedHashMap<>(details.extra());
        extra.put("train_s", clock.trainSeconds());
        extra.put("eval_s", clock.evalSeconds());
        extra.put("iteration_s", iterationSeconds);
        extra.putAll(model.report().measureCells(lastTrain, lastTest));
        double elapsed = clock.elapsed();
        csv.append(new MetricsCsv.Row(state.iteration(), elapsed, lastTrain.loss(), lastTrain.error(), lastTest.error(),
                details.lambda(), details.rho(), details.cgIterations(), extra));
        synchronized (checkpointLock) {
            RunCheckpoint.write(dir, config, clock, state.iteration(), state.parameters(), trainer.save(state));
            checkpointedIteration = state.iteration();
        }
        progress.iteration(state.iteration(), elapsed, model.report().progress(lastTrain, lastTest), details);
        pictures.refresh(state.parameters());
    }

    private void measure(Rounds.State<S> state) {
        long t0 = System.nanoTime();
        lastTrain = trainSet.measure(state.parameters());
        lastTest = testSet.measure(state.parameters());
        clock.addEvaluation((System.nanoTime() - t0) * 1e-9);
    }
}
