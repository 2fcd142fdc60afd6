package dev.pearl.testing;

import dev.pearl.tensor.Backend;

import java.util.List;
import java.util.function.Consumer;

/**
 * The backends every backend-sensitive test of ad-core runs on. By default the CPU backend with
 * 1 and 2 threads ({@link CpuBackendProvider}). To run the same suite on another backend, e.g.
 * from ad-gpu: depend on ad-core's test-jar, let surefire scan it
 * ({@code <dependenciesToScan>dev.pearl:ad-core</dependenciesToScan>}) and set
 * {@code -Dpearl.test.backend=your.BackendProviderClass}.
 *
 * <p>jqwik properties call {@link #forEach} inside each try, so every backend sees the same
 * generated cases; JUnit tests take the backend as a parameter from {@link #all()}
 * ({@code @MethodSource("dev.pearl.testing.TestBackends#all")}).
 */
public final class TestBackends {
    public static final String PROPERTY = "pearl.test.backend";

    private static final List<Backend> BACKENDS = load();

    private TestBackends() {
    }

    public static List<Backend> all() {
        return BACKENDS;
    }

    /** Runs the body on every backend; a failure says on which one. */
    public static void forEach(Consumer<Backend> body) {
        for (Backend b : BACKENDS) {
            try {
                body.accept(b);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("on backend " + b + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<Backend> load() {
        String name = System.getProperty(PROPERTY, "").trim();
        if (name.isEmpty() || name.equals("cpu")) return new CpuBackendProvider().backends();
        try {
            BackendProvider p = (BackendProvider) Class.forName(name).getDeclaredConstructor().newInstance();
            List<Backend> list = List.copyOf(p.backends());
            if (list.isEmpty()) throw new IllegalStateException(name + " provided no backends");
            return list;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + name + ": not a BackendProvider with a public no-argument constructor", e);
        }
    }
}
