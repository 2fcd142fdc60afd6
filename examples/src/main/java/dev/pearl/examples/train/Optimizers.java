package dev.pearl.examples.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The optimizers the train command offers, by their command-line names. */
final class Optimizers {
    static final OptimizerChoice<?> HF = new HfChoice();
    static final List<OptimizerChoice<?>> ALL = List.of(HF, MomentumChoice.CONSTANT, MomentumChoice.SUTSKEVER, new AdamChoice(),
            new RmsPropChoice(), new LbfgsChoice());

    private Optimizers() {
    }

    /** The optimizer named {@code name} (HF when null); an unknown name is an error listing the known ones. */
    static OptimizerChoice<?> parse(String name) {
        if (name == null) return HF;
        for (OptimizerChoice<?> c : ALL) if (c.key().equalsIgnoreCase(name)) return c;
        throw new IllegalArgumentException("unknown optimizer '" + name + "' (expected " + names() + ")");
    }

    /** "hf, sgd, nesterov, adam, rmsprop or lbfgs". */
    static String names() {
        List<String> keys = ALL.stream().map(OptimizerChoice::key).toList();
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }

    /** Refuses options given for another optimizer, naming them and the chosen optimizer's own. */
    static void rejectMisplaced(OptimizerChoice<?> chosen, RunOptions options) {
        Set<String> misplaced = new LinkedHashSet<>();
        for (OptimizerChoice<?> other : ALL)
            for (Setting<?, ?> s : other.settings())
                if (s.option().apply(options) != null && !chosen.flags().contains(s.flag())) misplaced.add(s.flag());
        if (misplaced.isEmpty()) return;
        List<String> flags = new ArrayList<>(misplaced);
        throw new IllegalArgumentException(String.join(", ", flags) + (flags.size() == 1 ? " does" : " do") + " not apply to --optimizer "
                + chosen.key() + ", whose settings are " + String.join(", ", chosen.flags()));
    }

    /**
     * For the help: each optimizer's name and summary, then its settings with their defaults on
     * {@code trainSize} training cases, wrapped to {@code width} columns under the summary.
     */
    static List<String> defaultsLines(int trainSize, int width) {
        int nameWidth = ALL.stream().mapToInt(c -> c.key().length()).max().orElse(0) + 4;
        String indent = " ".repeat(nameWidth);
        List<String> lines = new ArrayList<>();
        for (OptimizerChoice<?> c : ALL) {
            lines.addAll(wrap("  " + c.key() + " ".repeat(nameWidth - 2 - c.key().length()), List.of(c.summary().split(" ")), indent, width));
            lines.addAll(wrap(indent, c.defaultFlags(trainSize), indent, width));
        }
        return lines;
    }

    /** Words joined by spaces into lines of at most {@code width} columns, the first after {@code first}, the rest after {@code indent}. */
    private static List<String> wrap(String first, List<String> words, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String w : words) {
            if (line.length() > start && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (line.length() > start) line.append(' ');
            line.append(w);
        }
        lines.add(line.toString());
        return lines;
    }
}
