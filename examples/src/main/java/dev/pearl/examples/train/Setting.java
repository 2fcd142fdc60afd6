package dev.pearl.examples.train;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One optimizer setting as the train command offers it: its flag, its key in the checkpoint, and
 * how a value reads from the options and goes onto the optimizer's settings record, whose withers
 * check the range. Nothing here knows a default or a rule.
 *
 * @param flag   the command-line option, "--beta1"
 * @param key    the checkpoint key after "config.", "beta1"
 * @param option the option's value in the parsed command line, null when not given
 * @param parse  the value from its checkpoint text
 * @param get    the value in a settings record
 * @param set    the settings record with the value
 */
record Setting<O, V>(String flag, String key, Function<RunOptions, V> option, Function<String, V> parse, Function<O, V> get,
                     BiFunction<O, V, O> set) {

    static <O> Setting<O, Double> real(String flag, String key, Function<RunOptions, Double> option, Function<O, Double> get,
                                       BiFunction<O, Double, O> set) {
        return new Setting<>(flag, key, option, Double::valueOf, get, set);
    }

    static <O> Setting<O, Integer> integer(String flag, String key, Function<RunOptions, Integer> option, Function<O, Integer> get,
                                           BiFunction<O, Integer, O> set) {
        return new Setting<>(flag, key, option, Integer::valueOf, get, set);
    }

    /** The settings with {@code value} (of this setting's type); an out-of-range value is an error naming the flag. */
    O apply(O settings, Object value) {
        @SuppressWarnings("unchecked") V v = (V) value;
        try {
            return set.apply(settings, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    /** The value in {@code settings} as checkpoint text, which {@link #parse} reads back exactly. */
    String format(O settings) {
        return String.valueOf(get.apply(settings));
    }
}
