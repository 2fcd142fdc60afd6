package dev.pearl.examples.data.sequence;

import java.util.List;

/** The pathological long-term-dependency problems by name. */
public final class SequenceTasks {
    private static final List<SequenceTask> ALL = List.of(MarkedPairTask.addition(), MarkedPairTask.multiplication(), MarkedPairTask.xor(),
            TemporalOrderTask.twoSymbols(), TemporalOrderTask.threeSymbols(), new PermutationTask(),
            MemorisationTask.fiveBit(), MemorisationTask.twentyBit());

    private SequenceTasks() {
    }

    public static List<SequenceTask> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(SequenceTask::name).toList();
    }

    public static SequenceTask byName(String name) {
        for (SequenceTask t : ALL) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("unknown sequence task '" + name + "'; known: " + String.join(", ", names()));
    }
}
