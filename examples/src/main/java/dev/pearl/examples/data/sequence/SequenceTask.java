package dev.pearl.examples.data.sequence;

import dev.pearl.hf.train.Seeds;

import java.util.SplittableRandom;

/**
 * A long-term-dependency problem (Hochreiter &amp; Schmidhuber 1997; Martens &amp; Sutskever 2011)
 * as a seeded generator; docs/sequence-tasks.md gives the definitions. Case n of a batch is drawn
 * from its own generator seeded by (seed, n), so a task, T and seed give the same data every time
 * and a batch's first cases do not depend on its size.
 */
public interface SequenceTask {
    String name();

    /** Input channels per step. */
    int inputs();

    /** Outputs per step. */
    int outputs();

    OutputKind kind();

    /** {@code cases} sequences at nominal length T. */
    SequenceSet generate(int cases, int length, long seed);

    /**
     * The first step at which any sequence of nominal length T can carry a target: a model need not
     * produce outputs before it (0 when targets can come at any step).
     */
    default int firstTargetStep(int length) {
        return 0;
    }

    /** Case n's own generator. */
    static SplittableRandom random(long seed, int caseIndex) {
        return new SplittableRandom(Seeds.mix(seed, caseIndex));
    }
}
