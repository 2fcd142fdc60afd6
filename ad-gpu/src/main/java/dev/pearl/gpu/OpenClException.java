package dev.pearl.gpu;

/** A failure of the OpenCL device or of its program; the message is one line naming the device. */
public class OpenClException extends RuntimeException {
    /**
     * A failure with its one-line description.
     *
     * @param message what failed, naming the device
     */
    public OpenClException(String message) {
        super(message);
    }

    /**
     * A failure with its one-line description and the error that caused it.
     *
     * @param message what failed, naming the device
     * @param cause the underlying error
     */
    public OpenClException(String message, Throwable cause) {
        super(message, cause);
    }
}
