package dev.pearl.examples.bench;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A benchmark that takes {@code --isa}: when the flag asks for another instruction set than this
 * JVM runs with, the benchmark runs in a JVM restarted with it, and this one only passes on its
 * exit status.
 */
public abstract class IsaBench implements Callable<Integer> {
    @Mixin
    IsaOption isa = new IsaOption();

    /** The command as picocli parsed it (for its output stream and for the restart). */
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        int elsewhere = isa.runElsewhereIfNeeded(spec);
        return elsewhere >= 0 ? elsewhere : measure();
    }

    /**
     * Runs the benchmark in this JVM.
     *
     * @return the exit status
     * @throws Exception when the benchmark cannot run
     */
    protected abstract Integer measure() throws Exception;
}
