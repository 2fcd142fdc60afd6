/**
 * The primitives: each class declares an operation's output shape, its forward kernel call, its
 * JVP rule and its VJP rule together. Rules are written with the primitives themselves (the
 * package-private {@code Rules} vocabulary, never the public {@code Ops} facade), so they are
 * differentiable again, and they accept {@code null} for a zero tangent or cotangent.
 *
 * <h2>Indexing, convolution and pooling: two kernels</h2>
 * Everything that selects elements by position rests on one pair of linear primitives and their
 * two backend kernels: {@link dev.pearl.prim.Gather} (slices along an axis chosen by a host-side
 * {@link dev.pearl.tensor.Index}, -1 giving zeros) and its adjoint {@link dev.pearl.prim.ScatterAdd}.
 * Each is the other's VJP and its own JVP, so the pair is closed under every transform.
 * <ul>
 *   <li>An embedding lookup is a gather along axis 0; its gradient is the scatter-add of the
 *   output cotangents into the table's rows.</li>
 *   <li>{@link dev.pearl.prim.Convolution#conv2d} is im2col by one gather with a per-geometry index
 *   table ({@code Windows}, built once and cached, so a device backend uploads it once), one
 *   matmul with the weights (the existing GEMM) and a transpose to NCHW. Its input VJP is then
 *   exactly the transposed convolution (matmul, then col2im as the scatter-add), its weight VJP
 *   the correlation of output cotangents with the windows (one matmul), and JVPs, Hessian and
 *   Gauss-Newton products and linearize work without a rule of their own.</li>
 *   <li>{@link dev.pearl.prim.Pooling}: the windows of each channel plane by a gather, then the
 *   existing max reduction (derivative to the maximal elements, ties sharing) or a mean.</li>
 * </ul>
 * The alternative, a convolution primitive with direct kernels for the forward pass and both
 * VJPs (and again for their JVPs, on CPU and OpenCL, in two dtypes), multiplies the kernel count;
 * a direct kernel could save the im2col buffer's memory traffic (25 gathered values per output
 * position of a 5x5 kernel), which is where this design pays. Scatter-adds run as gather-and-sum
 * through the index's inverse ({@link dev.pearl.backend.ScatterPlan}), so neither backend needs
 * atomic adds and sums have a fixed order.
 */
package dev.pearl.prim;
