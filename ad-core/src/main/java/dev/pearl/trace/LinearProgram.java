package dev.pearl.trace;

import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recorded linear map: equations over variables whose constant operands were computed once.
 * {@link #apply} replays it forward (a JVP); {@link #transpose} walks it backwards through the
 * VJP rules (a VJP). Both cost only the linear work of the original function.
 */
final class LinearProgram {
    private final List<StageLevel.Eqn> eqns;
    /** The equations as the reverse sweep walks them: linear inputs and outputs as stand-ins. */
    private final List<Transposed> transposed = new ArrayList<>();
    private final int varCount;
    private final StageLevel.Var[] inputs;
    private final Tensor[] outputs;
    private final StageLevel level;
    /** Per equation, the variables it reads last: their tangents are dropped once it has run. */
    private final int[][] lastReads;

    /** Keeps only the equations that some output depends on. */
    LinearProgram(StageLevel level, StageLevel.Var[] inputs, Tensor[] outputs) {
        this.level = level;
        this.varCount = level.varCount();
        this.inputs = inputs;
        this.outputs = outputs;
        boolean[] live = new boolean[varCount];
        for (Tensor o : outputs) if (isVar(o)) live[((StageLevel.Var) o).id] = true;
        List<StageLevel.Eqn> kept = new ArrayList<>();
        for (int i = level.eqns.size() - 1; i >= 0; i--) {
            StageLevel.Eqn e = level.eqns.get(i);
            if (!live[e.out.id]) continue;
            kept.add(0, e);
            for (Tensor a : e.args) if (isVar(a)) live[((StageLevel.Var) a).id] = true;
        }
        this.eqns = kept;
        for (StageLevel.Eqn e : kept) transposed.add(new Transposed(e));
        this.lastReads = lastReads(kept);
    }

    /**
     * For each equation, the ids of the variables that no later equation reads and that are not
     * outputs. Without this, {@link #apply} would hold every intermediate tangent until the end:
     * as much memory again as the activations the program was recorded on.
     */
    private int[][] lastReads(List<StageLevel.Eqn> kept) {
        int[] last = new int[varCount];
        Arrays.fill(last, -1);
        for (int i = 0; i < kept.size(); i++)
            for (Tensor a : kept.get(i).args) if (isVar(a)) last[((StageLevel.Var) a).id] = i;
        for (Tensor o : outputs) if (isVar(o)) last[((StageLevel.Var) o).id] = -1;
        int[][] reads = new int[kept.size()][];
        for (int i = 0; i < kept.size(); i++) {
            Tensor[] args = kept.get(i).args;
            int[] ids = new int[args.length];
            int n = 0;
            for (Tensor a : args) // an argument read twice is listed twice: dropping it twice is harmless
                if (isVar(a) && last[((StageLevel.Var) a).id] == i) ids[n++] = ((StageLevel.Var) a).id;
            reads[i] = Arrays.copyOf(ids, n);
        }
        return reads;
    }

    /** An equation seen by the reverse sweep: its variables' values are never read, only their types. */
    private final class Transposed implements ReverseSweep.Equation {
        private final StageLevel.Eqn eqn;
        private final Tensor[] ruleInputs;
        private final Tensor ruleOutput;

        Transposed(StageLevel.Eqn eqn) {
            this.eqn = eqn;
            this.ruleInputs = new Tensor[eqn.args.length];
            for (int j = 0; j < ruleInputs.length; j++)
                ruleInputs[j] = isVar(eqn.args[j]) ? StandIn.transposed(eqn.args[j], eqn.prim) : eqn.args[j];
            this.ruleOutput = StandIn.transposed(eqn.out, eqn.prim);
        }

        @Override
        public Primitive primitive() {
            return eqn.prim;
        }

        @Override
        public Tensor[] ruleInputs() {
            return ruleInputs;
        }

        @Override
        public Tensor ruleOutput() {
            return ruleOutput;
        }

        @Override
        public int outputSlot() {
            return eqn.out.id;
        }

        @Override
        public int inputSlot(int j) {
            return isVar(eqn.args[j]) ? ((StageLevel.Var) eqn.args[j]).id : -1;
        }
    }

    private boolean isVar(Tensor t) {
        return t instanceof StageLevel.Var && ((StageLevel.Var) t).level == level;
    }

    int equationCount() {
        return eqns.size();
    }

    /** Evaluates the map at v (one tensor per input); outputs that are identically zero come back as zeros. */
    Tensor[] apply(Tensor[] v) {
        Tensor[] env = new Tensor[varCount];
        for (int i = 0; i < inputs.length; i++) env[inputs[i].id] = v[i];
        for (int i = 0; i < eqns.size(); i++) {
            StageLevel.Eqn e = eqns.get(i);
            Tensor[] args = new Tensor[e.args.length];
            for (int j = 0; j < args.length; j++) args[j] = resolve(e.args[j], env);
            env[e.out.id] = e.prim.bind(args);
            for (int id : lastReads[i]) env[id] = null;
        }
        Tensor[] out = new Tensor[outputs.length];
        for (int k = 0; k < outputs.length; k++) out[k] = resolveOutput(outputs[k], env);
        return out;
    }

    /** Applies the transpose to u (one tensor per output); inputs that receive nothing get zeros. */
    Tensor[] transpose(Tensor[] u) {
        Tensor[] ct = new Tensor[varCount];
        for (int k = 0; k < outputs.length; k++)
            if (isVar(outputs[k])) ReverseSweep.accumulate(ct, ((StageLevel.Var) outputs[k]).id, u[k]);
        ReverseSweep.run(transposed, ct, false);
        Tensor[] in = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor c = ct[inputs[i].id];
            in[i] = c != null ? c : inputs[i].backend().full(inputs[i].shape(), inputs[i].dtype(), 0);
        }
        return in;
    }

    private Tensor resolve(Tensor a, Tensor[] env) {
        return isVar(a) ? env[((StageLevel.Var) a).id] : a;
    }

    /** An output is a variable, or a constant (zeros) when the map does not reach it. */
    private Tensor resolveOutput(Tensor o, Tensor[] env) {
        return isVar(o) ? env[((StageLevel.Var) o).id] : o;
    }
}
