/**
 * The primitives: each class declares an operation's output shape, its forward kernel call, its
 * JVP rule and its VJP rule together. Rules are written with the primitives themselves (the
 * package-private {@code Rules} vocabulary, never the public {@code Ops} facade), so they are
 * differentiable again, and they accept {@code null} for a zero tangent or cotangent.
 *
 * <h2>Indexing, convolution and pooling</h2>
 * Everything that selects elements by position rests on one pair of linear primitives and their
 * two backend kernels: {@link dev.pearl.prim.Gather} (slices along an axis chosen by a host-side
 * {@link dev.pearl.tensor.Index}, -1 giving zeros) and its adjoint {@link dev.pearl.prim.ScatterAdd}.
 * Each is the other's VJP and its own JVP, so the pair is closed under every transform.
 * <ul>
 *   <li>An embedding lookup is a gather along axis 0; its gradient is the scatter-add of the
 *   output cotangents into the table's rows.</li>
 *   <li>{@link dev.pearl.prim.Convolution#conv2d} is one primitive of three bilinear products
 *   (the convolution, its input gradient and its weight gradient, {@code ConvProduct}), each
 *   the VJP of the others, computed by the backend: the CPU reads the cases-last input in place
 *   (an implicit GEMM), a backend without a kernel of its own goes through an im2col gather, a
 *   matmul and col2im as the scatter-add (the {@code Backend.convolution} default).</li>
 *   <li>{@link dev.pearl.prim.Pooling}: the windows of each channel plane by a gather, then the
 *   existing max reduction (derivative to the maximal elements, ties sharing) or a mean.</li>
 * </ul>
 * A convolution built from gather and matmul alone streamed its im2col matrix (25 gathered values
 * per output position of a 5x5 kernel) through memory in the forward pass and both VJPs; as one
 * primitive it needs three kernels per backend but no im2col matrix on the CPU. Scatter-adds run as gather-and-sum
 * through the index's inverse ({@link dev.pearl.backend.ScatterPlan}), so neither backend needs
 * atomic adds and sums have a fixed order.
 */
package dev.pearl.prim;
