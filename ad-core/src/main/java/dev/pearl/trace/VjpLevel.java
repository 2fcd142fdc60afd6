package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reverse mode: a tape of the primitives applied to this level's values, replayed backwards
 * through the VJP rules.
 */
final class VjpLevel extends Level {

    /**
     * A recorded application (or an input leaf when prim is null). It keeps only the values its
     * VJP rule reads; the others are {@link StandIn}s.
     */
    static final class Node implements ReverseSweep.Equation {
        final int index;
        final Primitive prim;
        // Not final: a tape walked once drops them as the sweep passes (release). A tape handed to
        // another thread needs a happens-before edge (an executor's hand-off gives one).
        private Tensor[] primals;
        private Tensor out;
        private Node[] parents;

        Node(int index, Primitive prim, Tensor[] primals, Tensor out, Node[] parents) {
            this.index = index;
            this.prim = prim;
            this.primals = primals;
            this.out = out;
            this.parents = parents;
        }

        @Override
        public Primitive primitive() {
            return prim;
        }

        @Override
        public Tensor[] ruleInputs() {
            return primals;
        }

        @Override
        public Tensor ruleOutput() {
            return out;
        }

        @Override
        public int outputSlot() {
            return index;
        }

        @Override
        public int inputSlot(int j) {
            return parents[j] == null ? -1 : parents[j].index;
        }

        @Override
        public void release() {
            primals = null;
            out = null;
            parents = null;
        }
    }

    static final class Traced extends Tracer {
        final VjpLevel level;
        final Node node;
        /** Held here, not only by the node, so the value lives exactly as long as the caller needs it. */
        private final Tensor primal;

        Traced(VjpLevel level, Node node, Tensor primal) {
            this.level = level;
            this.node = node;
            this.primal = primal;
        }

        @Override
        Level level() {
            return level;
        }

        @Override
        Tensor primal() {
            return primal;
        }
    }

    /** Every traced value, inputs included; a node's index is its place here and its cotangent slot. */
    private final List<Node> tape = new ArrayList<>();
    /** The nodes made by primitives, in order: what the backward sweep walks. */
    private final List<Node> applications = new ArrayList<>();
    /** Whether a backward pass has consumed the tape (or is consuming it). */
    private final AtomicBoolean consumed = new AtomicBoolean();

    /** Starts tracing x as an input; returns the tracer to pass to the function. */
    Traced input(Tensor x) {
        Node n = new Node(tape.size(), null, null, x, null);
        tape.add(n);
        return new Traced(this, n, x);
    }

    /** The node of x when x was computed on this level from the inputs, else null. */
    Node nodeOf(Tensor x) {
        return x instanceof Traced && ((Traced) x).level == this ? ((Traced) x).node : null;
    }

    Tensor primalOf(Tensor x) {
        return nodeOf(x) == null ? x : ((Traced) x).primal;
    }

    @Override
    Tensor process(Primitive p, Tensor[] in) {
        Tensor[] primals = new Tensor[in.length], kept = new Tensor[in.length];
        Node[] parents = new Node[in.length];
        for (int i = 0; i < in.length; i++) {
            parents[i] = nodeOf(in[i]);
            primals[i] = primalOf(in[i]);
            kept[i] = StandIn.keptInput(primals[i], p, i);
        }
        Tensor out = p.bind(primals);
        Node n = new Node(tape.size(), p, kept, StandIn.keptOutput(out, p), parents);
        tape.add(n);
        applications.add(n);
        return new Traced(this, n, out);
    }

    /**
     * Cotangents of the given leaves for outputs {@code outs} seeded with {@code seeds}. Leaves the
     * outputs do not depend on get null. With {@code consume} the tape drops each value as the sweep
     * passes it, so the forward pass's memory is given back during the backward pass, and the tape
     * cannot be walked again.
     */
    Tensor[] backward(List<Tensor> outs, List<Tensor> seeds, List<Traced> leaves, boolean consume) {
        // One atomic claim: two threads calling a one-use pullback must not both sweep its tape.
        if (consume ? !consumed.compareAndSet(false, true) : consumed.get())
            throw new IllegalStateException("this pullback was used once and has released its tape, or failed while doing so "
                    + "(use a reusable vjp to call it again)");
        Tensor[] ct = new Tensor[tape.size()];
        for (int k = 0; k < outs.size(); k++) {
            Node n = nodeOf(outs.get(k));
            if (n != null) ReverseSweep.accumulate(ct, n.index, seeds.get(k));
        }
        ReverseSweep.run(applications, ct, consume);
        Tensor[] result = new Tensor[leaves.size()];
        for (int k = 0; k < leaves.size(); k++) result[k] = ct[leaves.get(k).node.index];
        return result;
    }
}
