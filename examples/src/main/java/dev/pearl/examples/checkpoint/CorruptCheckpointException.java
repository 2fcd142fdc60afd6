package dev.pearl.examples.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file that is truncated, damaged or not a checkpoint; the message names the file, the byte offset and what was expected. */
public final class CorruptCheckpointException extends IOException {
    private final Path file;
    private final long offset;

    public CorruptCheckpointException(Path file, long offset, String problem) {
        super(file + ": at byte offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
