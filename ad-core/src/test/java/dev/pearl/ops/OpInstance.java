package dev.pearl.ops;

import dev.pearl.Params;
import dev.pearl.check.Checker;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.HostTensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One generated application of an op: its inputs (backend-neutral), how to apply it with Pearl,
 * how to compute it in plain Java, and the derivative checker suited to it.
 *
 * @param signature the {@code Ops} method, e.g. {@code "add(Tensor,Tensor)"}
 * @param detail    the op's generated non-tensor arguments, e.g. {@code "axes=[0] keepDims"}
 */
record OpInstance(String signature, String detail, List<HostTensor> inputs,
                  Function<List<Tensor>, Tensor> apply, Function<List<HostTensor>, HostTensor> reference,
                  Checker checker) {

    OpInstance(String signature, String detail, List<HostTensor> inputs,
               Function<List<Tensor>, Tensor> apply, Function<List<HostTensor>, HostTensor> reference) {
        this(signature, detail, inputs, apply, reference, Checker.defaults());
    }

    /** The op's name without parameter types, e.g. "add". */
    String name() {
        return signature.substring(0, signature.indexOf('('));
    }

    /** The inputs on a backend as Params named x0, x1, ... */
    Params inputsOn(Backend backend, DType dtype) {
        Params.Builder b = Params.builder();
        for (int i = 0; i < inputs.size(); i++) b.add("x" + i, inputs.get(i).on(backend, dtype));
        return b.build();
    }

    Params inputsOn(Backend backend) {
        return inputsOn(backend, DType.FLOAT64);
    }

    Function<Params, Tensor> function() {
        return p -> apply.apply(new ArrayList<>(p.tensors()));
    }

    Function<Params, Params> vectorFunction() {
        return Checker.tensorValued(function());
    }

    HostTensor expected() {
        return reference.apply(inputs);
    }

    /** The same op on inputs rounded to float32 values. */
    OpInstance roundedToFloat() {
        List<HostTensor> r = new ArrayList<>();
        for (HostTensor t : inputs) r.add(t.roundedToFloat());
        return new OpInstance(signature, detail, r, apply, reference, checker);
    }

    @Override
    public String toString() {
        return signature + (detail.isEmpty() ? "" : " " + detail) + " on " + inputs;
    }
}
