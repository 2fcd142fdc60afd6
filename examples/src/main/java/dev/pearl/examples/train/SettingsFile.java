package dev.pearl.examples.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What {@code pearl tune} found for one optimizer, as a properties file: the data and network it
 * tuned on (a file from other data or another network is refused, since its settings were chosen
 * for them), the tuning seed and budget, every trial's flags and score, and the chosen flags (none
 * when the best trial lay on the grid's edge: then {@code refused} says why). {@code train
 * --settings FILE} and {@code compare --settings FILE} start from the chosen flags.
 *
 * @param optimizer  the optimizer's --optimizer name
 * @param dataset    the --dataset value tuned on
 * @param layers     the network: the auto-encoder's layer sizes, "784-400-...-784", or the RNN's ({@link #network})
 * @param trainSize  training cases
 * @param testSize   test cases
 * @param dtype      "float32" or "float64"
 * @param seed       the tuning runs' seed, which training should not reuse
 * @param budget     seconds each trial ran
 * @param chosen     the winning trial's flags ("--learning-rate 0.003"), empty when refused
 * @param refused    why no trial was chosen, empty when one was
 * @param trials     every trial in the order run
 */
public record SettingsFile(String optimizer, String dataset, String layers, int trainSize, int testSize, String dtype, long seed,
                           double budget, String chosen, String refused, List<Trial> trials) {
    static final String FORMAT = "pearl tune 1";

    /**
     * One short run of the grid: its flags, the train and test error of its last measurement
     * (train error +inf when it diverged or failed), the run time of that measurement (NaN when it
     * failed; a run ends at a measurement, so this can fall short of the budget or, when a single
     * round outlasts it, pass it) and its status ("ok", "diverged: ..." or "failed: ...").
     */
    public record Trial(String flags, double trainError, double testError, double seconds, String status) {
        /** Diverged or failed trials score +inf, so that any finished trial beats them. */
        public double score() {
            return status.equals("ok") && Double.isFinite(trainError) ? trainError : Double.POSITIVE_INFINITY;
        }
    }

    public SettingsFile {
        trials = List.copyOf(trials);
        if (chosen.isEmpty() == refused.isEmpty())
            throw new IllegalArgumentException("a tuning file holds either chosen settings or the reason none was chosen");
    }

    public boolean hasChoice() {
        return refused.isEmpty();
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# pearl tune: " + trials.size() + " runs of " + Format.setting(budget) + " s of " + optimizer + " on " + dataset + " (seed " + seed
                + "); train_error is the score from metrics.csv (auto-encoders: train_error, the squared error per image summed over pixels, no 1/2; "
                + "--task: train_loss, the loss per sequence, with test_loss as test_error) at the run's last measurement, made after elapsed_s "
                + "seconds, inf for a diverged run");
        put(lines, "format", FORMAT);
        put(lines, "optimizer", optimizer);
        put(lines, "dataset", dataset);
        put(lines, "layers", layers);
        put(lines, "train_size", trainSize);
        put(lines, "test_size", testSize);
        put(lines, "dtype", dtype);
        put(lines, "seed", seed);
        put(lines, "budget_s", Format.setting(budget));
        put(lines, "chosen", chosen);
        put(lines, "refused", refused);
        put(lines, "trials", trials.size());
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            String key = "trial." + (i + 1);
            put(lines, key, t.flags());
            put(lines, key + ".train_error", errorText(t.trainError()));
            put(lines, key + ".test_error", errorText(t.testError()));
            put(lines, key + ".elapsed_s", errorText(t.seconds()));
            put(lines, key + ".status", t.status());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads a file {@link #write} wrote; a problem is one message naming the file and the entry. */
    public static SettingsFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such settings file");
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Entries e = new Entries(p, file.toString());
        if (!FORMAT.equals(p.getProperty("format")))
            throw new IllegalArgumentException(file + ": not a settings file of 'pearl tune' (format '" + p.getProperty("format") + "')");
        int count = e.integer("trials");
        List<Trial> trials = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String key = "trial." + i;
            trials.add(new Trial(e.text(key), e.real(key + ".train_error"), e.real(key + ".test_error"), e.real(key + ".elapsed_s"),
                    e.text(key + ".status")));
        }
        try {
            return new SettingsFile(e.text("optimizer"), e.text("dataset"), e.text("layers"), e.integer("train_size"), e.integer("test_size"),
                    e.text("dtype"), e.longInteger("seed"), e.real("budget_s"), e.text("chosen"), e.text("refused"), trials);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Refuses to train with these settings on other data, another network or the tuning seed;
     * {@code source} names the file. The message says what differs.
     */
    void checkFits(String runDataset, String runNetwork, int runTrainSize, int runTestSize, long runSeed, String source) {
        List<String> differences = new ArrayList<>();
        if (!dataset.equals(runDataset)) differences.add("data set " + dataset + " (this run: " + runDataset + ")");
        if (!layers.equals(runNetwork)) differences.add("network " + layers + " (this run: " + runNetwork + ")");
        if (trainSize != runTrainSize || testSize != runTestSize)
            differences.add(String.format(Locale.ROOT, "%d / %d train / test cases (this run: %d / %d)", trainSize, testSize, runTrainSize, runTestSize));
        if (!differences.isEmpty())
            throw new IllegalArgumentException(source + " was tuned for " + String.join(", ", differences)
                    + "; settings tuned for other data or another network do not carry over, so tune again for this run");
        if (!hasChoice()) throw new IllegalArgumentException(source + " holds no chosen settings: " + refused);
        if (runSeed == seed)
            throw new IllegalArgumentException(source + " was tuned on seed " + seed + "; train on another --seed, so that the tuning runs "
                    + "do not pick settings for the very run they are compared on");
    }

    /**
     * The network entry of a run: the auto-encoder's layer sizes, "784-400-...-784", or for an RNN
     * its hidden units and sequence length, "tanh RNN, 100 hidden, T = 100" (its data set entry
     * names the task).
     */
    static String network(int[] layers, SequenceSpec sequence) {
        return sequence == null ? Architecture.format(layers) : "tanh RNN, " + sequence.hidden() + " hidden, T = " + sequence.length();
    }

    /** The chosen flags as the pairs "--flag", "value". */
    List<String> chosenFlags() {
        return chosen.isBlank() ? List.of() : Arrays.asList(chosen.trim().split("\\s+"));
    }

    private static String errorText(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
    }

    private static void put(List<String> lines, String key, Object value) {
        // Properties.load reads backslashes as escapes; none of the values needs one except a Windows path.
        lines.add(key + "=" + String.valueOf(value).replace("\\", "\\\\"));
    }

    /** Typed access to the entries with errors that name the file and the key. */
    private record Entries(Properties p, String source) {
        String text(String key) {
            String v = p.getProperty(key);
            if (v == null) throw new IllegalArgumentException(source + ": no entry '" + key + "'");
            return v.trim();
        }

        int integer(String key) {
            String v = text(key);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": '" + key + "' should be a whole number, found '" + v + "'");
            }
        }

        long longInteger(String key) {
            String v = text(key);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": '" + key + "' should be a whole number, found '" + v + "'");
            }
        }

        double real(String key) {
            String v = text(key);
            switch (v) {
                case "inf": return Double.POSITIVE_INFINITY;
                case "-inf": return Double.NEGATIVE_INFINITY;
                case "nan": return Double.NaN;
                default:
                    try {
                        return Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(source + ": '" + key + "' should be a number, found '" + v + "'");
                    }
            }
        }
    }
}
