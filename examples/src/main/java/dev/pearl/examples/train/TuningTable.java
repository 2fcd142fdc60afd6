package dev.pearl.examples.train;

import java.util.Locale;

/** A tuning file's trials as a Markdown table, the chosen one marked. */
final class TuningTable {
    private TuningTable() {
    }

    static String markdown(SettingsFile file, int chosen) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s on %s (%s, %d / %d train / test cases, %s), seed %d, %s s per trial%n%n", file.optimizer(),
                file.dataset(), file.layers(), file.trainSize(), file.testSize(), file.dtype(), file.seed(), Format.setting(file.budget())));
        b.append("| trial | settings | score at the last measurement (train error; --task: train loss) | test error (--task: test loss) | measured at (s) | |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < file.trials().size(); i++) {
            SettingsFile.Trial t = file.trials().get(i);
            String score = t.status().equals("ok") ? Format.error(t.trainError()) : "inf (" + t.status() + ")";
            b.append(String.format(Locale.ROOT, "| %d | `%s` | %s | %s | %s | %s |%n", i + 1, t.flags(), score, Format.error(t.testError()),
                    Double.isNaN(t.seconds()) ? "-" : String.format(Locale.ROOT, "%.1f", t.seconds()), i == chosen ? "chosen" : ""));
        }
        b.append('\n').append(file.hasChoice() ? "chosen: `" + file.chosen() + "`" : "none chosen: " + file.refused()).append('\n');
        return b.toString();
    }
}
