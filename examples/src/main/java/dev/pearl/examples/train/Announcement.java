package dev.pearl.examples.train;

import dev.pearl.examples.LaunchCommand;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.hf.HfSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the train command tells its user before and after a run: what runs, for how long, where the outputs go, what to run next. */
final class Announcement {
    /** The long run: the paper's 20000 / 10000 CURVES images (or all MNIST images) for two hours, with the run's optimizer. */
    static final double FULL_LENGTH_SECONDS = 7200;

    private final RunConfig config;
    private final RunModel model;
    private final TrainingData data;
    private final int threads;
    private final Path dir;
    private final LaunchCommand launch;

    /** {@code launch} writes the commands it suggests so that they run from the user's working directory. */
    Announcement(RunConfig config, TrainingData data, int threads, Path dir, LaunchCommand launch) {
        this.config = config;
        this.model = RunModel.of(config);
        this.data = data;
        this.threads = threads;
        this.dir = dir;
        this.launch = launch;
    }

    /** "CURVES auto-encoder, HF, float32" or "LeNet on fashion-mnist, HF, float32": the pictures' title. */
    static String title(RunConfig config) {
        String what = config.model() == ModelKind.RNN ? "tanh RNN on " + config.sequence().describe()
                : config.model() == ModelKind.LENET ? "LeNet on " + Path.of(config.dataset().substring(config.dataset().indexOf(':') + 1)).getFileName()
                : TrainingData.experiment(config.dataset()) + " auto-encoder";
        return what + ", " + config.optimizer().label() + ", " + config.dtype();
    }

    String starting() {
        return String.join("\n",
                summary(),
                "budget " + budget() + "; outputs in " + dir + " (" + files() + ")",
                "full-length experiment: " + fullLengthCommand());
    }

    String resuming(int iteration, double elapsedSeconds) {
        return String.join("\n",
                "resuming " + dir + " after iteration " + iteration + " (" + Format.duration(elapsedSeconds) + ")",
                summary(),
                "budget " + budget() + " in total");
    }

    String alreadyDone(int iteration, double elapsedSeconds) {
        return "the run already reached its limit (iteration " + iteration + ", " + Format.duration(elapsedSeconds)
                + "); extend it with --max-seconds or --max-iterations, e.g. " + continueCommand();
    }

    String finished(TrainingSession.Outcome outcome) {
        String diverged = Double.isFinite(outcome.train().error()) ? "" : "stopped early: the train error is no longer finite (the run diverged)\n";
        return diverged + String.join("\n",
                String.format(Locale.ROOT, "done: iteration %d after %s; %s", outcome.iteration(),
                        Format.duration(outcome.elapsedSeconds()), model.report().outcome(outcome.train(), outcome.test())),
                "outputs in " + dir + ": " + files(),
                "continue this run:      " + continueCommand(),
                "full-length experiment: " + fullLengthCommand());
    }

    String interrupted(int checkpointedIteration) {
        if (checkpointedIteration < 0) return "pearl: interrupted before the first checkpoint; nothing to resume in " + dir;
        return "pearl: interrupted; " + dir.resolve(Checkpoint.FILE_NAME) + " holds iteration " + checkpointedIteration
                + "; continue with: " + launch.command("train", "--resume", dir);
    }

    /** After Spark failed mid-run: the checkpoint that survives and the command that goes on from it. */
    String sparkFailed(int checkpointedIteration) {
        if (checkpointedIteration < 0) return "nothing to resume in " + dir;
        return dir.resolve(Checkpoint.FILE_NAME) + " holds iteration " + checkpointedIteration + "; continue with: pearl train --resume "
                + launch.path(dir) + " (it keeps --spark " + LaunchCommand.quoted(config.spark().master()) + "; --spark MASTER moves it)";
    }

    /** A --spark run, new or resumed: where its sums go. */
    String onSpark() {
        SparkPlacement spark = config.spark();
        return "on Spark " + spark.master() + ", " + spark.shards() + " shards";
    }

    private String summary() {
        String head = String.format(Locale.ROOT, "%s, %s, %s%s", model.describe(config), config.optimizer().label(), config.dtype(), threads > 0 ? ", " + threads + (threads == 1 ? " thread" : " threads") : "");
        String unit = config.sequence() != null ? "sequences" : "images";
        String sizes = String.format(Locale.ROOT, "%s: train %d / test %d %s (seed %d); train error on the %s",
                data.description(), data.trainSize(), data.testSize(), unit, config.seed(),
                config.evalTrainSize() == data.trainSize() ? "whole training set" : "first " + config.evalTrainSize() + " training " + unit);
        String optimizer = String.format(Locale.ROOT, "%s%s; %d %s per iteration, weight cost %s, %s", config.optimizer().describe(data.trainSize(), unit),
                structuralDamping(), config.updatesPerIteration(), config.updatesPerIteration() == 1 ? "step" : "steps",
                Format.number(config.weightCost()), model.initialisation());
        String source = config.model().defaultsSource();
        return head + "\n" + sizes + "\n" + optimizer + (source.isEmpty() ? "" : "\ndefaults: " + source + " (docs/sequence-tasks.md)");
    }

    /** ", structural damping μ = 0.0333" (or "off") for HF on a model that declares structural values; nothing otherwise. */
    private String structuralDamping() {
        if (!config.model().hasStructuralValues() || !(config.optimizer().settings() instanceof HfSettings hf)) return "";
        return hf.structuralDamping() == 0 ? ", structural damping off (μ = 0)" : ", structural damping μ = " + Format.number(hf.structuralDamping());
    }

    private String budget() {
        String time = config.maxSeconds() % 60 == 0 ? (long) (config.maxSeconds() / 60) + " min" : Format.duration(config.maxSeconds());
        return config.hasIterationLimit() ? time + " or " + config.maxIterations() + (config.maxIterations() == 1 ? " iteration" : " iterations") : time;
    }

    private String files() {
        List<String> files = new ArrayList<>(List.of(MetricsCsv.FILE_NAME));
        files.addAll(model.pictureFiles());
        files.add(Checkpoint.FILE_NAME);
        return String.join(", ", files);
    }

    private String continueCommand() {
        return config.hasIterationLimit()
                ? launch.command("train", "--resume", dir, "--max-iterations", 2 * Math.max(1, config.maxIterations()))
                : launch.command("train", "--resume", dir, "--max-seconds", (long) Math.max(60, 2 * config.maxSeconds()));
    }

    /** This data set and optimizer at full size for two hours (HF: the default plan; add --gradient-batch N for Martens' whole-set one). */
    private String fullLengthCommand() {
        List<Object> args = new ArrayList<>(List.of("train"));
        SequenceSpec sequence = config.sequence();
        if (sequence != null) args.addAll(List.of("--task", sequence.task(), "--length", sequence.length(), "--hidden", sequence.hidden()));
        else if (config.model() != ModelKind.AUTOENCODER) args.addAll(List.of("--model", config.model().key()));
        // The defaults are the paper's sizes: all 20000 / 10000 CURVES images, all MNIST images.
        if (sequence == null && !ConfigResolver.isCurves(config.dataset())) args.addAll(List.of("--dataset", config.dataset()));
        if (config.optimizer().choice() != Optimizers.HF) args.addAll(List.of("--optimizer", config.optimizer().key()));
        args.addAll(List.of("--max-seconds", (long) FULL_LENGTH_SECONDS));
        return launch.command(args.toArray());
    }
}
