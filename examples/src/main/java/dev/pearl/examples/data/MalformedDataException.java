package dev.pearl.examples.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that does not hold what its format promises; the message names the file, the byte offset and what was expected there. */
public final class MalformedDataException extends IOException {
    private final Path file;
    private final long offset;

    public MalformedDataException(Path file, long offset, String problem) {
        this(file, offset, problem, null);
    }

    public MalformedDataException(Path file, long offset, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    /** The byte offset of the problem (in the decompressed data for gzip files). */
    public long offset() {
        return offset;
    }
}
