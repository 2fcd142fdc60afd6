package dev.pearl.examples;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@code java -jar ...} command that runs pearl again, written so that it works as printed
 * from the directory the user ran pearl in: the jar and any path argument relative to that
 * directory when they lie inside it, absolute otherwise, and quoted for a POSIX shell where needed.
 */
public final class LaunchCommand {
    /** The shaded jar's name, as the examples pom's shade plugin writes it beside the classes directory. */
    static final String JAR_NAME = "pearl.jar";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=+,@%-]+");

    private final Path jar;
    private final Path workingDirectory;

    LaunchCommand(Path jar, Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.jar = this.workingDirectory.resolve(jar).normalize();
    }

    /** For the running pearl: its jar, seen from the JVM's working directory. */
    public static LaunchCommand current() {
        return new LaunchCommand(runningJar(), Path.of("").toAbsolutePath());
    }

    /**
     * {@code java -jar <jar> args...}; {@link Path} arguments are written as seen from the working
     * directory, every argument is quoted where a shell would split or expand it.
     */
    public String command(Object... args) {
        StringJoiner line = new StringJoiner(" ");
        line.add("java").add("-jar").add(path(jar));
        for (Object a : args) line.add(a instanceof Path p ? path(p) : quoted(String.valueOf(a)));
        return line.toString();
    }

    /** A path as the user can type it from the working directory: relative inside it, absolute outside. */
    public String path(Path path) {
        Path absolute = workingDirectory.resolve(path).normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        String text = shown.toString();
        return quoted(text.isEmpty() ? "." : text);
    }

    /** POSIX shell quoting: single quotes around anything beyond plain path and option characters. */
    public static String quoted(String word) {
        if (PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The jar holding these classes; when they run from the build's classes directory (tests, an
     * IDE), the pearl.jar the build makes beside that directory.
     */
    static Path runningJar() {
        try {
            Path source = Path.of(LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) ? source : source.resolveSibling(JAR_NAME);
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(JAR_NAME);
        }
    }
}
