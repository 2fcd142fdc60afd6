package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.Reachability;
import dev.pearl.trace.Primitive;
import dev.pearl.trace.Transforms;
import org.junit.jupiter.api.Test;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reverse mode keeps for the backward pass only the values the VJP rules declare they read. */
class ReverseModeMemoryTest {
    private final Tensor x = Tensor.randomNormal(1, DType.FLOAT64, 4, 3);
    private final Params theta = Params.builder()
            .add("w", Tensor.randomNormal(2, DType.FLOAT64, 3, 2))
            .add("b", Tensor.randomNormal(3, DType.FLOAT64, 2))
            .build();

    @Test
    void aProductNoRuleReadsIsFreedAfterTheForwardPassWhileTheActivationIsKept() {
        List<WeakReference<Tensor>> product = new ArrayList<>(), activation = new ArrayList<>();
        Vjp layer = AD.vjp(p -> {
            Tensor z = Ops.matmul(x, p.get("w"));      // read by no rule: add's needs only shapes
            product.add(new WeakReference<>(z.concrete()));
            Tensor h = Ops.sigmoid(Ops.add(z, p.get("b")));  // sigmoid's rule reads its output
            activation.add(new WeakReference<>(h.concrete()));
            return Params.of("out", Ops.sum(h));
        }, theta);

        assertNull(Reachability.afterCollections(product.get(0)), "the matmul output outlived the forward pass");
        assertNotNull(Reachability.afterCollections(activation.get(0)), "the activation the backward pass reads was dropped");

        // d/dW Σ σ(xW + b) = xᵀ σ'(·), d/db = Σ_rows σ'(·), with σ' = σ(1 − σ).
        Params g = layer.pullback(Params.of("out", Ops.onesLike(layer.value().get(0))));
        Tensor s = Ops.sigmoid(Ops.add(Ops.matmul(x, theta.get("w")), theta.get("b")));
        Tensor slope = Ops.mul(s, Ops.sub(1, s));
        assertArrayEquals(Ops.matmul(Ops.transpose(x), slope).toDoubleArray(), g.get("w").toDoubleArray(), 1e-14);
        assertArrayEquals(Ops.sum(slope, 0).toDoubleArray(), g.get("b").toDoubleArray(), 1e-14);
        Reference.reachabilityFence(layer);
    }

    @Test
    void aRuleThatReadsAValueItDeclaredUnreadFailsNamingTheOp() {
        Primitive liar = new Primitive("liar") {
            @Override
            public Shape outputShape(Tensor[] in) {
                return in[0].shape();
            }

            @Override
            protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
                return in[0];
            }

            @Override
            public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
                return tangents[0];
            }

            @Override
            public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
                return new Tensor[]{Ops.mul(ct, primals[0])};
            }

            @Override
            public boolean vjpReadsInput(int i) {
                return false;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AD.grad(v -> Ops.sum(liar.bind(Ops.exp(v))), Tensor.of(new double[]{1, 2}, 2)));
        assertTrue(e.getMessage().contains("'liar'") && e.getMessage().contains("vjpReadsInput"), e.getMessage());
    }

    /** sum(σ(x w)), recording a weak reference to the activation, which sigmoid's rule keeps. */
    private Function<List<Tensor>, List<Tensor>> layerRecording(List<WeakReference<Tensor>> activation) {
        return xs -> {
            Tensor h = Ops.sigmoid(Ops.matmul(x, xs.get(0)));
            activation.add(new WeakReference<>(h.concrete()));
            return List.of(Ops.sum(h));
        };
    }

    @Test
    void aOneUsePullbackLetsTheForwardValuesGoAsItPassesThem() {
        List<WeakReference<Tensor>> once = new ArrayList<>(), reusable = new ArrayList<>();
        Transforms.VjpResult r = Transforms.vjpOnce(layerRecording(once), List.of(theta.get("w")));
        Transforms.VjpResult kept = Transforms.vjp(layerRecording(reusable), List.of(theta.get("w")));
        assertNotNull(Reachability.afterCollections(once.get(0)), "the activation the backward pass reads was dropped before it");

        List<Tensor> seed = List.of(Ops.onesLike(r.value().get(0)));
        Tensor g = r.pullback().apply(seed).get(0);
        assertArrayEquals(kept.pullback().apply(seed).get(0).toDoubleArray(), g.toDoubleArray(), "the same gradient, bit for bit");
        assertNull(Reachability.afterCollections(once.get(0)), "the one-use pullback still holds the activation after its sweep");
        assertNotNull(Reachability.afterCollections(reusable.get(0)), "a reusable pullback must keep what a second call reads");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.pullback().apply(seed));
        assertTrue(e.getMessage().contains("used once"), e.getMessage());
        Reference.reachabilityFence(r);
        Reference.reachabilityFence(kept);
    }
}
