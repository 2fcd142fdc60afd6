/**
 * Op-level properties driven by one table: {@code OpCatalog} lists every op of {@code Ops}
 * (enforced by {@code OpCatalogCoverageTest}) with a jqwik generator of applications in the op's
 * smooth domain, a plain-Java reference and, where needed, a tuned checker. Each property draws
 * an op uniformly per try and checks it on every test backend: forward values
 * ({@code OpForwardProperties}), JVP, VJP, adjointness, HVP and Hessian symmetry
 * ({@code OpDerivativeProperties}), linearize ({@code OpLinearizeProperties}) and third order
 * ({@code ThirdOrderProperties}). A failure shrinks to a small shape and simple values and names
 * the op, its arguments, the backend and the numbers compared.
 */
package dev.pearl.ops;
