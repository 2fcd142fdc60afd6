package dev.pearl.examples.train;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal (where carriage-return updates make sense). */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) return false;
        // From JDK 22 a Console exists even when output is redirected; isTerminal() tells them apart.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
