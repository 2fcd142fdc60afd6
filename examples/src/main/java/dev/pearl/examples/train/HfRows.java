package dev.pearl.examples.train;

import dev.pearl.hf.HfIteration;
import dev.pearl.hf.HfState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HF's rows: λ, ρ and the step of a round's last HF step; CG steps, products and times summed over the round. */
final class HfRows implements RowFormat<HfState, HfIteration> {
    @Override
    public IterationDetails initial(HfState state) {
        return new IterationDetails(state.lambda(), Double.NaN, 0, Map.of("updates", state.iteration()), "");
    }

    @Override
    public IterationDetails details(Rounds.Round<HfIteration> round) {
        HfIteration last = round.last();
        List<HfIteration> steps = round.steps();
        int cgIterations = steps.stream().mapToInt(HfIteration::cgIterations).sum();
        double gradientSeconds = steps.stream().mapToDouble(HfIteration::gradientSeconds).sum();
        double cgSeconds = steps.stream().mapToDouble(HfIteration::cgSeconds).sum();
        double lineSearchSeconds = steps.stream().mapToDouble(HfIteration::lineSearchSeconds).sum();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gradient_s", gradientSeconds);
        extra.put("cg_s", cgSeconds);
        extra.put("linesearch_s", lineSearchSeconds);
        extra.put("gv_products", steps.stream().mapToInt(HfIteration::curvatureProducts).sum());
        extra.put("cg_stop", last.cgStop() == null ? "" : last.cgStop().name().toLowerCase(Locale.ROOT));
        extra.put("backtrack_iterate", last.backtrackIterate());
        extra.put("step", last.stepSize());
        extra.put("batch_objective", last.objective());
        extra.put("updates", last.iteration());
        String progress = String.format(Locale.ROOT, "%9s %6s %4d %5.2f  %s", Format.number(last.lambda()), Format.number(last.rho()),
                cgIterations, last.stepSize(), Format.split(gradientSeconds, cgSeconds, lineSearchSeconds));
        return new IterationDetails(last.lambda(), last.rho(), cgIterations, extra, progress);
    }

    @Override
    public String header() {
        return String.format(Locale.ROOT, "%9s %6s %4s %5s  %s", "lambda", "rho", "CG", "step", "grad+CG+search");
    }
}
