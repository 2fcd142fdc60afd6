/**
 * Curvature-vector products: Gauss-Newton, exact Hessian and empirical Fisher, each set up once
 * per CG solve, and the damped operator CG sees.
 */
package dev.pearl.hf.curvature;
