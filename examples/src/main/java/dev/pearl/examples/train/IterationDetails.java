package dev.pearl.examples.train;

import java.util.Map;

/**
 * What an optimizer adds to an iteration's row and progress line beyond the errors: the standard
 * λ, ρ and CG columns (NaN / 0 where they do not apply), extra metrics.csv cells, and its part of
 * the progress line.
 */
record IterationDetails(double lambda, double rho, int cgIterations, Map<String, ?> extra, String progress) {
}
