package dev.pearl.examples;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line messages for errors that reach the command line: the file and the reason, never a stack trace. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t.getClass() == RuntimeException.class) && t.getCause() != null) t = t.getCause();
        if (t instanceof FileSystemException fs && fs.getReason() == null) return fs.getFile() + ": " + reason(fs);
        if (t instanceof OutOfMemoryError) return "out of memory; use fewer images (--train-size, --test-size) or give Java more (java -Xmx8g -jar ...)";
        String message = t.getMessage();
        if (message == null || message.isBlank()) return t.getClass().getSimpleName();
        // A message of several lines (rare) still prints as one.
        return message.strip().replace(System.lineSeparator(), "; ").replace("\n", "; ");
    }

    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        return e.getClass().getSimpleName();
    }
}
