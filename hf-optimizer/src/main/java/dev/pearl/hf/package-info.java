/**
 * Martens' (2010) Hessian-free optimizer and its baselines, on top of ad-core.
 *
 * <p>Wiring: describe the function with a {@link dev.pearl.hf.problem.Problem} (a model's outputs
 * plus a matching {@link dev.pearl.nn.Loss}, or any scalar objective), say which cases each part
 * of an iteration sees with a {@link dev.pearl.hf.BatchPlan} ({@link dev.pearl.hf.HfSettings} holds
 * the plans a training run chooses between, with their defaults and rules), and step a
 * {@link dev.pearl.hf.HessianFree} with {@link dev.pearl.hf.train.TrainingLoop}. Every iteration
 * returns an immutable state ({@link dev.pearl.hf.HfState}) that is all a checkpoint needs.
 * The baselines run on the same problem and loop: {@link dev.pearl.hf.sgd} (momentum SGD, RMSProp,
 * Adam) and {@link dev.pearl.hf.lbfgs} (L-BFGS).
 *
 * <p>Each rule of the paper is its own class with the paper's numbers as defaults:
 * {@link dev.pearl.hf.LevenbergMarquardt} (λ0 = 45, ×3/2 below ρ = 1/4, ×2/3 above 3/4),
 * {@link dev.pearl.hf.cg.ConjugateGradient} with {@link dev.pearl.hf.cg.CgOptions} (250 steps,
 * k = max(10, 0.1 i), ε = 5e-4, snapshots at ⌈5·1.3^j⌉), the warm start 0.95 in
 * {@link dev.pearl.hf.HfOptions}, {@link dev.pearl.hf.precondition.DiagonalPreconditioner}
 * (exponent 0.75), {@link dev.pearl.hf.CgBacktracking}, {@link dev.pearl.hf.ArmijoLineSearch}
 * (c = 1e-2, ×0.8) and {@link dev.pearl.hf.problem.WeightCost} (1e-5).
 *
 * <p>Choices the paper leaves open, and why:
 * <ul>
 * <li>Squared per-case gradients for the preconditioner come from random-sign sums of per-case
 *     gradients ({@link dev.pearl.hf.precondition.SignedSumSquares}): a handful of backward passes
 *     instead of one per case, unbiased, and exact for small batches. They are taken on the
 *     curvature batch, which is cheaper than the full gradient batch and matches the curvature
 *     the preconditioner serves.</li>
 * <li>ρ compares the actual change with the undamped quadratic ½pᵀCp + gᵀp, so that ρ = 1 means
 *     the curvature model is exact whatever λ is ({@link dev.pearl.hf.LevenbergMarquardt} can
 *     use the damped one instead). It leaves out structural damping ½pᵀ(λμS)p for the same
 *     reason (Martens &amp; Sutskever 2011; μ in {@link dev.pearl.hf.HfOptions}).</li>
 * <li>The warm start decays the final CG iterate (not the backtracked one), and a warm start with
 *     φ(x0) > 0, worse than zero, is dropped.</li>
 * <li>CG also stops when the residual reaches 1e-10 relative: only a solve at machine precision
 *     ends earlier than the paper's rules would end it.</li>
 * <li>Armijo's condition uses min(∇fᵀp, 0), so a non-descent step may not raise f at all.</li>
 * <li>Random draws are seeded from (seed, iteration); no generator state needs saving.</li>
 * </ul>
 */
package dev.pearl.hf;
