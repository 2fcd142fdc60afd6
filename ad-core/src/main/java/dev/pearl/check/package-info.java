/**
 * Checks for derivatives, and jqwik arbitraries to drive them, so that a property test of a
 * custom model or primitive takes a few lines.
 *
 * <h2>What is checked</h2>
 * {@link dev.pearl.check.Checker} compares Pearl's derivatives of any function (of a
 * {@link dev.pearl.tensor.Tensor} or of {@link dev.pearl.Params}) with central differences in float64,
 * and checks the identities they must satisfy:
 * <ul>
 *   <li>{@code jvp}: {@code J v} against {@code (f(x + h v) - f(x - h v)) / 2h}, element by element;</li>
 *   <li>{@code vjp}: the adjoint test {@code <Jᵀu, v> = <u, J v>}, pullback by AD, {@code J v} by differences;</li>
 *   <li>{@code adjoint}: the same identity with AD on both sides, or for any pair of maps said to be
 *   transposes (e.g. {@link dev.pearl.ad.Linearized#jvp} and {@link dev.pearl.ad.Linearized#vjp});</li>
 *   <li>{@code hvp}: {@code H v} against differences of the gradient;</li>
 *   <li>{@code hessianSymmetry} / {@code symmetric}: {@code <u, H v> = <v, H u>};</li>
 *   <li>{@code positiveSemiDefinite}: {@code vᵀ G v >= 0} for a curvature product such as Gauss-Newton.</li>
 * </ul>
 * Each returns a {@link dev.pearl.check.CheckResult} naming the check, the input (with its
 * values when small), the directions (the seed they were drawn from), the element or dot product
 * where the two sides differed most, both numbers, the difference and the allowance;
 * {@code assertOk()} throws an {@code AssertionError} with that text.
 *
 * <h2>Step and tolerances</h2>
 * The step along v is {@code h = 6e-6 · max(1, |x|∞) / |v|∞} (6e-6 ≈ eps^(1/3), where the
 * O(h²) truncation error and the O(eps/h) rounding error of central differences balance; see
 * {@link dev.pearl.check.FiniteDifference}). Finite-difference comparisons allow
 * {@code 1e-7 + 1e-5 · scale}, identities that hold up to rounding allow {@code 1e-12 + 1e-9 · scale},
 * where scale is the size of the compared quantities ({@link dev.pearl.check.Tolerance}). Keep
 * inputs in the function's smooth domain (away from the kinks of relu and abs, from ties of max,
 * positive for log and sqrt): at a kink the derivative Pearl returns is a valid one-sided choice
 * that differences cannot confirm.
 *
 * <h2>A property test</h2>
 * <pre>
 * class MyLayerProperties {
 *     {@literal @}Property(tries = 30)
 *     void derivativesMatchFiniteDifferences({@literal @}ForAll("inputs") Tensor x, {@literal @}ForAll long seed) {
 *         Function&lt;Params, Tensor&gt; loss = p -&gt; Ops.sum(Ops.tanh(Ops.matmul(p.get(0), W)));
 *         CheckResult.assertAllOk(Checker.defaults().scalarFunction(loss, Params.of(x), seed));
 *     }
 *
 *     {@literal @}Provide
 *     Arbitrary&lt;Tensor&gt; inputs() {
 *         return PearlArbitraries.shapes(2, 2, 4)
 *                 .map(s -&gt; Shape.of(s.dim(0), 3))                  // any batch size, 3 features
 *                 .flatMap(s -&gt; PearlArbitraries.tensors(s, -2, 2));
 *     }
 * }
 * </pre>
 * {@link dev.pearl.check.PearlArbitraries} builds shapes, broadcast-compatible shape pairs,
 * element values (uniform, or away from zero), tensors and {@code Params} from jqwik's own
 * generators, so failures shrink to small shapes and simple values.
 */
package dev.pearl.check;

