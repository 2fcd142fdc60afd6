package dev.pearl.examples.train;

import dev.pearl.hf.parallel.ProblemSpec;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;

/** The train command's problem as the description Spark executors rebuild it from: layer sizes and weight cost. */
record AutoencoderSpec(int[] layers, double weightCost) implements ProblemSpec {
    @Override
    public Problem build() {
        Mlp mlp = Mlp.autoencoder(layers);
        return Problem.ofModel(mlp::outputs, Losses.logisticCrossEntropy()).withWeightCost(WeightCost.of(weightCost));
    }
}
