package dev.pearl.examples.train;

import dev.pearl.examples.data.sequence.SequenceTask;
import dev.pearl.examples.data.sequence.SequenceTasks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What --model rnn trains on: a long-term-dependency problem by name, its nominal length T and
 * the hidden units of the tanh RNN. Checked when made, so that a bad value fails in one line
 * before any data is generated.
 */
record SequenceSpec(String task, int length, int hidden) {
    SequenceSpec {
        SequenceTask t = SequenceTasks.byName(task);
        if (length < 1) throw new IllegalArgumentException("--length must be >= 1, got " + length);
        if (hidden < 1) throw new IllegalArgumentException("--hidden must be >= 1, got " + hidden);
        // One case is enough to find a length too short for the task's marker positions.
        t.generate(1, length, 0);
    }

    SequenceTask sequenceTask() {
        return SequenceTasks.byName(task);
    }

    /** "addition, T = 100". */
    String describe() {
        return task + ", T = " + length;
    }

    Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("task", task);
        m.put("length", Integer.toString(length));
        m.put("hidden", Integer.toString(hidden));
        return m;
    }
}
