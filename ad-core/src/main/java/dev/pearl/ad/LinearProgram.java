package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A recorded linear map: equations over variables whose constant operands were computed once.
 * {@link #apply} replays it forward (a JVP); {@link #transpose} walks it backwards through the
 * VJP rules (a VJP). Both cost only the linear work of the original function.
 */
final class LinearProgram {
    private final List<StageLevel.Eqn> eqns;
    private final int varCount;
    private final StageLevel.Var[] inputs;
    private final Tensor[] outputs;
    private final StageLevel level;

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
        for (StageLevel.Eqn e : eqns) {
            Tensor[] args = new Tensor[e.args.length];
            for (int j = 0; j < args.length; j++) args[j] = resolve(e.args[j], env);
            env[e.out.id] = e.prim.bind(args);
        }
        Tensor[] out = new Tensor[outputs.length];
        for (int k = 0; k < outputs.length; k++) out[k] = resolveOutput(outputs[k], env);
        return out;
    }

    /** Applies the transpose to u (one tensor per output); inputs that receive nothing get zeros. */
    Tensor[] transpose(Tensor[] u) {
        Tensor[] ct = new Tensor[varCount];
        for (int k = 0; k < outputs.length; k++) {
            if (isVar(outputs[k])) {
                int id = ((StageLevel.Var) outputs[k]).id;
                ct[id] = ct[id] == null ? u[k] : Ops.add(ct[id], u[k]);
            }
        }
        for (int i = eqns.size() - 1; i >= 0; i--) {
            StageLevel.Eqn e = eqns.get(i);
            Tensor g = ct[e.out.id];
            if (g == null) continue;
            ct[e.out.id] = null;
            Tensor[] primals = new Tensor[e.args.length];
            boolean[] needs = new boolean[e.args.length];
            for (int j = 0; j < primals.length; j++) {
                Tensor a = e.args[j];
                needs[j] = isVar(a);
                primals[j] = needs[j] ? StandIn.transposed(a, e.prim) : a;
            }
            Tensor outPh = StandIn.transposed(e.out, e.prim);
            Tensor[] cts = e.prim.vjp(primals, outPh, g, needs);
            for (int j = 0; j < needs.length; j++) {
                if (!needs[j] || cts[j] == null) continue;
                int id = ((StageLevel.Var) e.args[j]).id;
                ct[id] = ct[id] == null ? cts[j] : Ops.add(ct[id], cts[j]);
            }
        }
        Tensor[] in = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor c = ct[inputs[i].id];
            in[i] = c != null ? c : Ops.zeros(inputs[i].shape(), inputs[i].dtype(), inputs[i].backend());
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
