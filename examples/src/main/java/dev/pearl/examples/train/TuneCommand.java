package dev.pearl.examples.train;

import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import dev.pearl.tensor.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pearl tune}: short training runs over a grid of each optimizer's settings, on a seed of
 * its own, scored by the train error each reaches by the budget (on a sequence task the train loss,
 * which keeps falling while the solved fraction still ties). Writes DIR/NAME.properties (the
 * chosen settings and every trial's score, for {@code train --settings}) and DIR/NAME-grid.md,
 * and keeps each trial's run in DIR/NAME/trial-NN.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tune optimizers honestly: for each, short runs of --budget seconds over a grid of its settings, on a seed that "
                + "training should not reuse, scored by the train error at the budget (squared error per image summed over pixels, no 1/2; "
                + "with --task the train loss per sequence, since the solved fraction ties among runs that have not left the trivial solution; a diverged run scores inf). A best trial on the edge of an "
                + "axis of three or more values is refused, with the extended grid to try. Default grids: sgd and nesterov --learning-rate 1e-3..1e-1 in half-decades x --momentum / --max-momentum "
                + "0.9, 0.99, 0.995, 0.999 (20 trials); adam and rmsprop --learning-rate 1e-4..1e-2 (5); hf the same 20 trials as momentum over "
                + "--initial-damping 1..100 (--task: five half-decades around the RNN's own) x two --cg-max-iterations x two "
                + "--curvature-batch; lbfgs --history 3, 10, 30.",
                "Example: pearl tune --optimizers adam,nesterov --train-size 5000 --test-size 1000 --budget 45"})
public final class TuneCommand implements Callable<Integer> {
    @Option(names = "--optimizers", paramLabel = "LIST", split = ",", required = true, description = "Optimizers to tune: hf, sgd, nesterov, adam, rmsprop, lbfgs.")
    List<String> optimizers;

    @Option(names = "--budget", paramLabel = "S", description = "Seconds of run time per trial (default: ${DEFAULT-VALUE}).")
    double budget = 60;

    @Option(names = "--grid", paramLabel = "FLAG=V1,V2,...",
            description = "Replaces (or adds) an axis of the grid of every listed optimizer that takes the train option --FLAG, e.g. "
                    + "learning-rate=1e-3,3e-3,1e-2; one value fixes the setting.")
    List<String> grids = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the tuning runs (data, initial weights, batch order); train with "
            + "another (default: ${DEFAULT-VALUE}).")
    long seed = 100;

    @Mixin
    RunDataOptions data = new RunDataOptions();

    @Option(names = "--updates-per-iteration", paramLabel = "N",
            description = "As for train: steps between two measurements; fewer than train's default end a short trial closer to its budget.")
    Integer updatesPerIteration;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "As for train: each trial also stops after N measurements, which makes trials of a fixed length, independent of the machine's speed.")
    Integer maxIterations;

    @Option(names = "--eval-train-size", paramLabel = "N", description = "As for train: the train error is measured on the first N training cases.")
    Integer evalTrainSize;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: tuning/<dataset or task-T>-<date>-<time>).")
    Path out;

    @Spec
    CommandSpec spec;

    /** The metrics.csv columns a trial is scored and reported by, and their name in the output. */
    private Score score = Score.ERROR;

    private enum Score {
        ERROR("train_error", "test_error", "train error"),
        LOSS("train_loss", "test_loss", "train loss");

        final String trainColumn, testColumn, label;

        Score(String trainColumn, String testColumn, String label) {
            this.trainColumn = trainColumn;
            this.testColumn = testColumn;
            this.label = label;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!(budget > 0) || Double.isInfinite(budget)) throw new IllegalArgumentException("--budget must be positive seconds, got " + budget);
        RunOptions common = data.asRunOptions();
        String dataset = ConfigResolver.dataset(common);
        int requestedTrain = ConfigResolver.requestedTrainSize(common, dataset);
        Map<String, List<Double>> given = parseGrids(grids);
        List<OptimizerChoice<?>> choices = new ArrayList<>();
        for (String name : optimizers) choices.add(Optimizers.parse(name.trim()));
        for (String flag : given.keySet())
            if (choices.stream().noneMatch(c -> c.flags().contains(flag)))
                throw new IllegalArgumentException("--grid " + flag.substring(2) + ": none of " + String.join(", ", optimizers) + " takes " + flag);
        SequenceSpec sequence = ConfigResolver.sequence(common);
        score = sequence != null ? Score.LOSS : Score.ERROR;
        String data = sequence != null ? sequence.task() + "-" + sequence.length() : ConfigResolver.isCurves(dataset) ? "curves" : "mnist-idx";
        Path dir = out != null ? out : Path.of("tuning", data + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<TrialPlan> plans = new ArrayList<>();
        for (OptimizerChoice<?> choice : choices) {
            Map<String, List<Double>> own = new LinkedHashMap<>();
            given.forEach((flag, values) -> {
                if (choice.flags().contains(flag)) own.put(flag, values);
            });
            Map<String, Object> start = ConfigResolver.model(common).settingDefaults(choice, sequence, requestedTrain, null);
            TuningGrid grid = new TuningGrid(DefaultGrids.axes(choice, requestedTrain, start, own));
            Path file = dir.resolve(choice.key() + ".properties");
            if (Files.exists(file)) throw new IllegalArgumentException(file + " already exists; choose another --out");
            TrialPlan plan = new TrialPlan(choice, grid, dir.resolve(choice.key()), file);
            for (List<Double> point : grid.points()) TrainLauncher.check(trainArgs(plan, point, null));
            plans.add(plan);
        }
        warmUp(plans.get(0), dir, stdout);
        List<String> refusals = new ArrayList<>();
        for (TrialPlan plan : plans) {
            String refusal = tune(plan, stdout);
            if (!refusal.isEmpty()) refusals.add(refusal);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String refusal : refusals) err.println("pearl: " + refusal);
        err.flush();
        return refusals.isEmpty() ? 0 : 1;
    }

    /** One optimizer's grid, run trial by trial; returns the refusal ("" when a trial was chosen). */
    private String tune(TrialPlan plan, PrintWriter stdout) throws IOException {
        List<List<Double>> points = plan.grid().points();
        String key = plan.choice().key();
        stdout.printf(Locale.ROOT, "%s: %d trials of %s s on seed %d, runs in %s%n", key, points.size(), Format.setting(budget), seed, plan.runs());
        stdout.flush();
        List<SettingsFile.Trial> trials = new ArrayList<>();
        double[] scores = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            SettingsFile.Trial trial = runTrial(plan, points.get(i), i + 1);
            trials.add(trial);
            scores[i] = trial.score();
            stdout.printf(Locale.ROOT, "  %2d/%d  %-45s %s%n", i + 1, points.size(), trial.flags(),
                    trial.status().equals("ok") ? score.label + " " + Format.error(trial.trainError()) + " (test " + Format.error(trial.testError())
                            + ") at " + Format.duration(trial.seconds())
                            : trial.status() + ": scores inf");
            stdout.flush();
        }
        TuningGrid.Verdict verdict = plan.grid().judge(points, scores, score.label);
        String chosen = verdict.refused() ? "" : trials.get(verdict.chosen()).flags();
        String refusal = verdict.refused() ? verdict.refusal() : "";
        RunConfig first = firstConfig(plan, points.size());
        SettingsFile file = new SettingsFile(key, first.dataset(), SettingsFile.network(first.layers(), first.sequence()), first.trainSize(), first.testSize(),
                first.dtype().toString(), seed, budget, chosen, refusal, trials);
        file.write(plan.file());
        Path table = plan.file().resolveSibling(key + "-grid.md");
        Files.writeString(table, TuningTable.markdown(file, verdict.chosen()), StandardCharsets.UTF_8);
        stdout.println(verdict.refused() ? key + ": no choice (" + verdict.refusal() + ")" : key + ": chose " + chosen + " (" + score.label + " "
                + Format.error(scores[verdict.chosen()]) + "); train with --settings " + plan.file());
        stdout.println("grid and scores: " + plan.file() + ", " + table);
        stdout.flush();
        return refusal.isEmpty() ? "" : key + ": " + refusal;
    }

    private SettingsFile.Trial runTrial(TrialPlan plan, List<Double> point, int number) throws IOException {
        Path runDir = plan.trialDir(number);
        String flags = String.join(" ", plan.grid().flags(point));
        try {
            TrainLauncher.run(trainArgs(plan, point, runDir), runDir.resolve("train.log"));
        } catch (RuntimeException e) {
            return new SettingsFile.Trial(flags, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, "failed: " + oneLine(e));
        }
        MetricsTable metrics = MetricsTable.read(runDir.resolve(MetricsCsv.FILE_NAME));
        int last = metrics.rowCount() - 1;
        double train = metrics.column(score.trainColumn)[last], test = metrics.column(score.testColumn)[last], seconds = metrics.column("elapsed_s")[last];
        if (!Double.isFinite(train))
            return new SettingsFile.Trial(flags, Double.POSITIVE_INFINITY, test, seconds, String.format(Locale.ROOT, "diverged: " + score.label + " %s after %s",
                    Double.isNaN(train) ? "NaN" : "inf", Format.duration(seconds)));
        return new SettingsFile.Trial(flags, train, test, seconds, "ok");
    }

    /** One untimed iteration of the first trial, so that compiling the kernels costs no trial any of its budget. */
    private void warmUp(TrialPlan plan, Path dir, PrintWriter stdout) throws IOException {
        Path warmUp = dir.resolve("warm-up");
        stdout.println("warming up (one untimed iteration in " + warmUp + ")");
        stdout.flush();
        TrainLauncher.warmUp(trainArgs(plan, plan.grid().points().get(0), null), warmUp);
    }

    /** The configuration the first trial stored: the data and network as loaded. */
    private RunConfig firstConfig(TrialPlan plan, int trials) throws IOException {
        for (int i = 1; i <= trials; i++) {
            Path dir = plan.trialDir(i);
            if (Files.exists(RunCheckpoint.file(dir))) return RunCheckpoint.read(dir, Backends.cpu(1)).config();
        }
        throw new IllegalStateException("no trial of " + plan.choice().key() + " left a checkpoint in " + plan.runs());
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().replace("\n", "; ");
    }

    /** "learning-rate=1e-3,3e-3" options as values by flag; a value that is not a number is an error naming it. */
    static Map<String, List<Double>> parseGrids(List<String> grids) {
        Map<String, List<Double>> axes = new LinkedHashMap<>();
        for (String g : grids) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) throw new IllegalArgumentException("--grid '" + g + "': expected FLAG=V1,V2,..., e.g. learning-rate=1e-3,3e-3");
            String flag = "--" + g.substring(0, eq).trim().replaceFirst("^--", "");
            List<Double> values = new ArrayList<>();
            for (String v : g.substring(eq + 1).split(",")) {
                try {
                    values.add(Double.parseDouble(v.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--grid '" + g + "': '" + v.trim() + "' is not a number");
                }
            }
            if (axes.put(flag, values) != null) throw new IllegalArgumentException("--grid " + flag.substring(2) + " is given twice");
        }
        return axes;
    }

    /** One optimizer's grid and where its runs and its file go. */
    private record TrialPlan(OptimizerChoice<?> choice, TuningGrid grid, Path runs, Path file) {
        Path trialDir(int number) {
            return runs.resolve(String.format(Locale.ROOT, "trial-%02d", number));
        }
    }

    /** Train's options for a trial writing to {@code runDir} (null: only to check them). */
    private List<String> trainArgs(TrialPlan plan, List<Double> point, Path runDir) {
        List<String> args = new ArrayList<>(List.of("--optimizer", plan.choice().key(), "--seed", Long.toString(seed),
                "--max-seconds", Format.setting(budget)));
        args.addAll(data.trainArguments());
        if (updatesPerIteration != null) args.addAll(List.of("--updates-per-iteration", updatesPerIteration.toString()));
        if (evalTrainSize != null) args.addAll(List.of("--eval-train-size", evalTrainSize.toString()));
        if (maxIterations != null && runDir != null) args.addAll(List.of("--max-iterations", maxIterations.toString()));
        if (runDir != null) args.addAll(List.of("--out", runDir.toString()));
        args.addAll(plan.grid().flags(point));
        return args;
    }
}
