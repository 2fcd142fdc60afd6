package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.LaunchCommand;
import dev.pearl.examples.bench.BackendOption;
import dev.pearl.examples.models.LeNet;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.IterationReport;
import dev.pearl.hf.train.TrainingState;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code pearl train}: the deep auto-encoder experiments of Martens (2010). With no options it
 * trains the CURVES auto-encoder with HF for about ten minutes, showing progress as it goes, and
 * leaves metrics.csv, curves.png, reconstructions.png and a checkpoint in its output directory.
 * With {@code --model lenet} it trains a LeNet-5-like classifier on labelled 28x28 images
 * (Fashion-MNIST by default) instead, and draws confusion.png in place of the reconstructions.
 * With {@code --task NAME} it trains a tanh RNN on a generated long-term-dependency problem and
 * draws only curves.png.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = OptimizerHelp.class,
        description = {"Train a deep auto-encoder (Hinton & Salakhutdinov 2006), with --model lenet a LeNet-5-like classifier, or with "
                + "--task NAME a tanh RNN on a long-term-dependency problem (Martens & Sutskever 2011), with "
                + "Hessian-free optimisation (Martens 2010) or a baseline: "
                + "SGD with momentum, Nesterov momentum with Sutskever et al.'s schedule, Adam, RMSProp or L-BFGS.",
                "Writes DIR/metrics.csv, DIR/curves.png, DIR/reconstructions.png (lenet: DIR/confusion.png, the test set's confusion "
                        + "matrix at the end; --task: none) and DIR/checkpoint.bin (after every iteration)."},
        footer = {"", "metrics.csv: one row per iteration (iteration 0 is the starting point). Errors are squared errors summed over pixels "
                + "and averaged over images, between each image and its reconstruction; train_error and train_loss (cross-entropy) use "
                + "the first --eval-train-size training images, test_error the whole test set. elapsed_s is the run's wall-clock time "
                + "(measuring included; what --max-seconds limits), train_s the optimizer's share and eval_s the measuring's. "
                + "HF adds gradient_s (gradient and preconditioner), cg_s, linesearch_s (backtracking, rho and line search), "
                + "gv_products, cg_stop, backtrack_iterate and step; the minibatch methods add epochs, learning_rate and momentum "
                + "(Adam: beta1); L-BFGS adds step (the line search's) and epochs (gradients computed, line searches included, over the "
                + "training set); all add updates (steps made in total) and batch_objective. With --model lenet, errors are the fractions "
                + "of images misclassified, train_loss is the softmax cross-entropy, and test_loss, train_accuracy and test_accuracy follow "
                + "the other columns. With --task, errors are the fractions of sequences not solved (the task's own test: within 0.04, "
                + "the right side of 0.5, the right class), train_loss is the task's loss at its target steps, and test_loss, "
                + "train_solved and test_solved follow the other columns. An iteration is a round of "
                + "--updates-per-iteration steps; lambda, rho, cg_stop, backtrack_iterate, step and batch_objective are then the round's "
                + "last step's (minibatch methods: batch_objective the round's mean), times and counts its sums."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "End the run by S seconds of run time in total (default: " + (int) TrainDefaults.MAX_SECONDS + "); "
                    + "no iteration starts that would, judging by the last one, end later.")
    Double maxSeconds;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Stop after N iterations in total (default: no limit).")
    Integer maxIterations;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: all processors).")
    Integer threads;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "cpu, opencl or opencl:<device index or name> (default ${DEFAULT-VALUE}); without OpenCL, a notice and the cpu backend.")
    String backendName = "cpu";

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<dataset>-<optimizer>-<date>-<time>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its checkpoint, with its settings; --max-seconds and --max-iterations may extend it.")
    Path resume;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the optimizer's sums over the training set on Apache Spark: local[N] or spark://host:port. Spark 4 must "
                    + "be on the classpath (pearl.jar does not ship it; see the README). HF's curvature batches and the baselines' "
                    + "minibatches (at least 64 images) are then chosen by a seeded hash of each image's index.")
    String sparkMaster;

    @Option(names = "--spark-shards", paramLabel = "N", description = "Shards (Spark partitions) of the training set with --spark (default: "
            + SparkPlacement.DEFAULT_SHARDS + "). A resumed --spark run keeps its master (unless --spark names another) and its shards.")
    Integer sparkShards;

    @Spec
    CommandSpec spec;

    /** What a run needs before it starts: its settings, its directory, its data, and for a resumed run the checkpoint. */
    private record Plan(RunConfig config, Path dir, TrainingData data, RunCheckpoint.Saved saved) {
        boolean resumed() {
            return saved != null;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threadCount);
        Backend backend = BackendOption.create(backendName, threadCount, spec.commandLine().getErr());
        Plan plan = resume != null ? planResumed(backend) : planFresh(backend);
        RunConfig config = plan.config();
        RunModel model = RunModel.of(config);
        model.check(plan.data());
        SparkPlacement spark = config.spark();
        if (spark != null) SparkOption.check(config, spark.shards());

        LaunchCommand launch = LaunchCommand.current();
        Announcement announcement = new Announcement(config, plan.data(), threadCount, plan.dir(), launch);
        if (!plan.resumed()) {
            out.println(announcement.starting());
            if (spark != null) out.println(announcement.onSpark());
        } else {
            RunCheckpoint.Saved saved = plan.saved();
            out.println(announcement.resuming(saved.iteration(), saved.elapsedSeconds()));
            if (spark != null) out.println(announcement.onSpark());
            if (saved.iteration() >= config.maxIterations() || saved.clock().wouldOverrun(config.maxSeconds())) {
                out.println(announcement.alreadyDone(saved.iteration(), saved.elapsedSeconds()));
                return 0;
            }
        }
        out.flush();

        Problem problem = model.problem(config.weightCost());
        Batch training = model.trainingBatch(plan.data());
        TrainingSession.Outcome outcome;
        if (spark == null) {
            outcome = train(config.optimizer().trainer(problem, training, config.seed(), config.updatesPerIteration()), plan, model, backend, out, launch);
        } else {
            Params like = model.init(backend, config.dtype(), config.seed());
            try (SparkTraining onSpark = SparkTraining.start(spark.master(), spark.shards(), config, training, like, config.updatesPerIteration())) {
                outcome = train(onSpark.trainer(), plan, model, backend, out, launch);
            }
        }
        out.println(announcement.finished(outcome));
        out.flush();
        return 0;
    }

    /** --resume DIR: the stored settings (options may only agree with them, or extend the limits) and the same data. */
    private Plan planResumed(Backend backend) throws IOException {
        Path dir = resume;
        if (run.settings != null)
            throw new IllegalArgumentException("--settings " + run.settings + " sets up a new run; a resumed run keeps the settings it started with");
        if (out != null && !out.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize()))
            throw new IllegalArgumentException("--resume continues the run in " + dir + " and writes there; drop --out " + out);
        RunCheckpoint.Saved saved = RunCheckpoint.read(dir, backend);
        RunConfig config = ConfigResolver.resumed(saved.config(), run, maxIterations, maxSeconds)
                .withSpark(SparkPlacement.resumed(saved.config().spark(), sparkMaster, sparkShards));
        TrainingData data = load(config.model(), config.sequence(), config.dataset(), config.trainSize(), config.testSize(), config.seed(), backend, config.dtype());
        if (data.trainSize() != config.trainSize() || data.testSize() != config.testSize())
            throw new IllegalArgumentException(config.dataset() + " now holds " + data.trainSize() + " training and " + data.testSize()
                    + " test images, but the run in " + dir + " used " + config.trainSize() + " and " + config.testSize());
        return new Plan(config, dir, data, saved);
    }

    /** A new run: every option checked before the (possibly slow) loading of the data, and a directory that holds no run yet. */
    private Plan planFresh(Backend backend) throws IOException {
        String dataset = ConfigResolver.dataset(run);
        int trainSize = ConfigResolver.requestedTrainSize(run, dataset), testSize = ConfigResolver.requestedTestSize(run, dataset);
        SettingsFile tuned = run.settings != null ? SettingsFile.read(run.settings) : null;
        ConfigResolver.fresh(run, tuned, dataset, trainSize, testSize, maxIterations, maxSeconds);
        SparkPlacement spark = SparkPlacement.fresh(sparkMaster, sparkShards);
        Path dir = out != null ? out : defaultDirectory(ConfigResolver.model(run), ConfigResolver.sequence(run), dataset,
                tuned != null ? tuned.optimizer() : run.optimizer);
        if (Files.exists(RunCheckpoint.file(dir)))
            throw new FileAlreadyExistsException(dir.toString(), null, "already holds a run; continue it with --resume " + dir + ", or choose another --out");
        TrainingData data = load(ConfigResolver.model(run), ConfigResolver.sequence(run), dataset, trainSize, testSize, ConfigResolver.seed(run), backend,
                ConfigResolver.dtype(run));
        // Sizes may shrink to what the files hold; the defaults that depend on them follow.
        RunConfig config = ConfigResolver.fresh(run, tuned, dataset, data.trainSize(), data.testSize(), maxIterations, maxSeconds).withSpark(spark);
        Files.createDirectories(dir);
        return new Plan(config, dir, data, null);
    }

    /** The images (and for a classifier their labels), or an RNN's generated sequences, that a model trains on. */
    private static TrainingData load(ModelKind model, SequenceSpec sequence, String dataset, int trainSize, int testSize, long seed, Backend backend,
                                     DType dtype) throws IOException {
        if (model == ModelKind.RNN) return TrainingData.generate(sequence, trainSize, testSize, seed, backend, dtype);
        return model == ModelKind.LENET
                ? TrainingData.loadLabelled(dataset, trainSize, testSize, backend, dtype, LeNet.SIDE, LeNet.CLASSES)
                : TrainingData.load(dataset, trainSize, testSize, seed, backend, dtype);
    }

    private <S extends TrainingState, R extends IterationReport> TrainingSession.Outcome train(Trainer<S, R> trainer, Plan plan, RunModel model,
                                                                                               Backend backend, PrintWriter out, LaunchCommand launch)
            throws IOException {
        RunConfig config = plan.config();
        Path dir = plan.dir();
        Rounds.State<S> state;
        RunClock clock;
        MetricsCsv csv;
        if (!plan.resumed()) {
            Params initial = model.init(backend, config.dtype(), config.seed());
            state = trainer.start(initial);
            clock = new RunClock(0, 0, 0, 0);
            csv = MetricsCsv.create(dir, model.report().extraColumns());
        } else {
            RunCheckpoint.Saved saved = plan.saved();
            state = trainer.restore(saved.parameters(), saved.iteration(), saved.optimizerState());
            clock = saved.clock();
            csv = MetricsCsv.resume(dir, saved.iteration(), model.report().extraColumns());
        }
        SetMeasure trainSet = model.measure(plan.data(), false, config.evalTrainSize()), testSet = model.measure(plan.data(), true, config.testSize());
        Pictures pictures = model.pictures(dir, Announcement.title(config), config.optimizer().label(), plan.data(), testSet);
        TrainingSession<S, R> session = new TrainingSession<>(config, dir, model, trainer, trainSet, testSet,
                pictures, new ProgressPrinter(out, Terminal.isInteractive()), clock, csv);
        Thread onInterrupt = new Thread(() -> {
            // Let a checkpoint being written finish (the write is atomic either way), then say how to go on.
            synchronized (session.checkpointLock()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println();
                err.println(new Announcement(config, plan.data(), 0, dir, launch).interrupted(session.checkpointedIteration()));
                err.flush();
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (csv) {
            return session.run(state, !plan.resumed());
        } catch (RuntimeException e) {
            if (config.spark() == null) throw e;
            // Spark gave up on the run (its one-line reason): say where it can go on from.
            throw new IllegalStateException(Objects.toString(e.getMessage(), e.getClass().getSimpleName()) + "; "
                    + new Announcement(config, plan.data(), 0, dir, launch).sparkFailed(session.checkpointedIteration()), e);
        } finally {
            removeShutdownHook(onInterrupt);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and reports the interruption.
        }
    }

    /**
     * runs/curves-hf-20250131-142501 (lenet: runs/lenet-mnist-idx-..., rnn: runs/rnn-addition-100-...): one directory per run,
     * so that runs never overwrite each other.
     */
    private static Path defaultDirectory(ModelKind model, SequenceSpec sequence, String dataset, String optimizer) {
        Path idxDir = ConfigResolver.isCurves(dataset) || sequence != null ? null
                : Path.of(dataset.substring(dataset.indexOf(':') + 1)).toAbsolutePath().normalize();
        String data = sequence != null ? sequence.task() + "-" + sequence.length()
                : idxDir == null ? "curves" : "mnist-idx" + (idxDir.getFileName() == null ? "" : "-" + idxDir.getFileName());
        String opt = Optimizers.parse(optimizer).key();
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String prefix = model == ModelKind.AUTOENCODER ? "" : model.key() + "-";
        return Path.of("runs", prefix + data + "-" + opt + "-" + time);
    }
}
