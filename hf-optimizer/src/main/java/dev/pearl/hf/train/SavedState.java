package dev.pearl.hf.train;

import dev.pearl.Params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An optimizer's state beyond θ, as plain named values: numbers (kept as the exact text
 * {@link Long#toString} or {@link Double#toString} writes, which reads back to the same value)
 * and named groups of tensors. A checkpoint stores the two maps as they are; {@link Resumable}
 * optimizers write and read their states through it.
 */
public final class SavedState {
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final Map<String, Params> groups = new LinkedHashMap<>();

    /** An empty state, to fill with the put methods. */
    public SavedState() {
    }

    /**
     * Stores an integer.
     *
     * @param key its name; a second put under the same name replaces the first
     * @param value the value
     * @return this state
     * @throws NullPointerException if key is null
     */
    public SavedState putInteger(String key, long value) {
        numbers.put(Objects.requireNonNull(key, "key"), Long.toString(value));
        return this;
    }

    /**
     * Stores a real number exactly (as {@link Double#toString} writes it).
     *
     * @param key its name; a second put under the same name replaces the first
     * @param value the value
     * @return this state
     * @throws NullPointerException if key is null
     */
    public SavedState putReal(String key, double value) {
        numbers.put(Objects.requireNonNull(key, "key"), Double.toString(value));
        return this;
    }

    /**
     * A number already in text form (as read back from a file); it is checked when read.
     *
     * @param key its name
     * @param value the number's text
     * @return this state
     * @throws NullPointerException if key or value is null
     */
    public SavedState putText(String key, String value) {
        numbers.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Stores a group of tensors, such as a momentum's velocity.
     *
     * @param name the group's name; a second put under the same name replaces the first
     * @param tensors the tensors
     * @return this state
     * @throws NullPointerException if name or tensors is null
     */
    public SavedState putParams(String name, Params tensors) {
        groups.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(tensors, "tensors"));
        return this;
    }

    /**
     * Whether a number is stored under a name.
     *
     * @param key the name
     * @return whether it is present
     */
    public boolean has(String key) {
        return numbers.containsKey(key);
    }

    /**
     * Whether a tensor group is stored under a name.
     *
     * @param name the group's name
     * @return whether it is present
     */
    public boolean hasParams(String name) {
        return groups.containsKey(name);
    }

    /**
     * Reads an integer.
     *
     * @param key its name
     * @return the value
     * @throws IllegalArgumentException if it is missing or not an integer
     */
    public long integer(String key) {
        String v = text(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("saved optimizer state: " + key + " should be an integer, found '" + v + "'");
        }
    }

    /**
     * Reads a real number.
     *
     * @param key its name
     * @return the value
     * @throws IllegalArgumentException if it is missing or not a number
     */
    public double real(String key) {
        String v = text(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("saved optimizer state: " + key + " should be a number, found '" + v + "'");
        }
    }

    /**
     * Reads a tensor group.
     *
     * @param name the group's name
     * @return the tensors
     * @throws IllegalArgumentException if no group has that name
     */
    public Params params(String name) {
        Params p = groups.get(name);
        if (p == null) throw new IllegalArgumentException("saved optimizer state has no tensors '" + name + "' (has " + groups.keySet() + ")");
        return p;
    }

    /**
     * The numbers in insertion order, as text.
     *
     * @return an unmodifiable view, name to text
     */
    public Map<String, String> numbers() {
        return Collections.unmodifiableMap(numbers);
    }

    /**
     * The tensor groups in insertion order.
     *
     * @return an unmodifiable view, name to tensors
     */
    public Map<String, Params> groups() {
        return Collections.unmodifiableMap(groups);
    }

    private String text(String key) {
        String v = numbers.get(key);
        if (v == null) throw new IllegalArgumentException("saved optimizer state has no '" + key + "' (has " + numbers.keySet() + ")");
        return v;
    }
}
