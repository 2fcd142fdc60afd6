package dev.pearl.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The printed commands run as printed: a shell splits them into the intended words, and the jar they name is the jar. */
class LaunchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theRunningJarIsTheOneTheBuildWritesSeenFromTheWorkingDirectory() throws Exception {
        // Tests run in the module directory from target/classes; the shade plugin writes target/pearl.jar (examples/pom.xml).
        Path cwd = Path.of("").toAbsolutePath();
        List<String> words = ShellWords.of(LaunchCommand.current().command("train", "--resume", Path.of("runs", "a")));
        assertEquals(List.of("java", "-jar", "target/pearl.jar", "train", "--resume", "runs/a"), words);
        assertEquals(cwd.resolve("target").resolve("pearl.jar"), cwd.resolve(words.get(2)).normalize());
    }

    @Test
    void insideTheWorkingDirectoryPathsAreRelative() {
        Path project = tmp.resolve("pearl"), jar = project.resolve("examples/target/pearl.jar"), run = project.resolve("runs/curves-hf-1");
        LaunchCommand launch = new LaunchCommand(jar, project);
        assertEquals("java -jar examples/target/pearl.jar train --resume runs/curves-hf-1 --max-seconds 1200",
                launch.command("train", "--resume", run, "--max-seconds", 1200));
        assertEquals("java -jar pearl.jar train", new LaunchCommand(jar, jar.getParent()).command("train"));
        assertEquals(".", launch.path(project));
    }

    @Test
    void outsideTheWorkingDirectoryPathsAreAbsolute() throws Exception {
        Path project = tmp.resolve("pearl"), elsewhere = tmp.resolve("elsewhere");
        Path jar = project.resolve("examples/target/pearl.jar");
        LaunchCommand launch = new LaunchCommand(jar, elsewhere);
        List<String> words = ShellWords.of(launch.command("train", "--resume", Path.of("../pearl/runs/x")));
        assertEquals(List.of("java", "-jar", jar.toString(), "train", "--resume", project.resolve("runs/x").toString()), words);
    }

    @Test
    void relativeArgumentsAreTakenFromTheWorkingDirectory() {
        Path project = tmp.resolve("pearl");
        LaunchCommand launch = new LaunchCommand(Path.of("examples/target/pearl.jar"), project);
        assertEquals("java -jar examples/target/pearl.jar train --resume runs/x", launch.command("train", "--resume", Path.of("runs/./x")));
    }

    @Test
    void wordsAShellWouldSplitOrExpandAreQuoted() throws Exception {
        Path odd = tmp.resolve("my runs").resolve("it's $HOME *");
        Path jar = tmp.resolve("dir with space/pearl.jar");
        LaunchCommand launch = new LaunchCommand(jar, tmp.resolve("cwd"));
        List<String> words = ShellWords.of(launch.command("train", "--resume", odd, "--dataset", "mnist-idx:a b"));
        assertEquals(List.of("java", "-jar", jar.toString(), "train", "--resume", odd.toString(), "--dataset", "mnist-idx:a b"), words);
    }
}
