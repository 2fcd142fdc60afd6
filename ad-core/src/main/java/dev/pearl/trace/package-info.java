/**
 * The engine under the transforms: levels, tracers, the reverse sweep and linear programs. Its
 * public entry points are {@link dev.pearl.trace.Transforms} (on lists of tensors, zeros as null)
 * and {@link dev.pearl.trace.Primitive}, the base of every op; the user-facing facade is
 * {@code dev.pearl.ad.AD}. The engine depends only on the tensor layer, never on the ops built on it.
 *
 * <h2>Levels and tracers</h2>
 * Each transform call opens a {@code Level}; its values are tracers that wrap a value of a lower
 * level. {@link dev.pearl.trace.Primitive#bind} hands an operation to the deepest level among its
 * inputs; that level's rule runs on the lower-level values, which may themselves be tracers of
 * outer transforms. Three kinds of level exist:
 * <ul>
 *   <li>{@code JvpLevel}: forward mode, a tangent per value (null = zero, never materialised);</li>
 *   <li>{@code VjpLevel}: reverse mode, a tape of applications replayed backwards through the VJP
 *   rules by {@code ReverseSweep}, the one backward walk (transposition uses it too);</li>
 *   <li>{@code StageLevel}: records instead of computing. {@link dev.pearl.trace.Transforms#linearize} runs
 *   the function under a JvpLevel whose tangents are symbolic values of a StageLevel below it.
 *   The JVP rules' work on primals (for example sigmoid'(x)) is therefore computed once, while
 *   their work on tangents is recorded as a linear program. Replaying it is a JVP; walking it
 *   backwards through the same VJP rules, with the linear inputs replaced by shape-only
 *   placeholders, is its transpose. No transpose rules beyond the VJP rules are needed.</li>
 * </ul>
 * Nesting depth orders the levels, which is what keeps the perturbations of nested derivatives
 * apart (the classic "perturbation confusion" case is a regression test). A tracer used after its
 * transform has returned, or combined with a tracer of an unrelated transform, is an error.
 *
 * <h2>Memory</h2>
 * Reverse mode keeps until the backward pass only the values the VJP rules read: every primitive
 * declares them ({@link dev.pearl.trace.Primitive#vjpReadsInput}, {@code vjpReadsOutput}), and the
 * tape holds typed stand-ins for the rest. A product before its bias is added, or a pre-activation
 * whose derivative comes from the activation, is therefore garbage as soon as the forward pass
 * drops it, and a gradient holds about one copy of the activations. A wrong declaration fails
 * loudly in the backward pass, naming the primitive.
 *
 * <h2>Costs</h2>
 * {@code grad} costs one forward pass plus one backward pass. {@code linearize} costs one forward
 * pass plus the primal parts of the JVP rules; afterwards {@code jvp} and {@code vjp} of the
 * result cost only the linear work. {@code hvp} is {@code jvp} of {@code grad}
 * (forward-over-reverse) and costs a few gradients.
 */
package dev.pearl.trace;
