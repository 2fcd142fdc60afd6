package dev.pearl.gpu;

/** A failure of the OpenCL device or of its program; the message is one line naming the device. */
public class OpenClException extends RuntimeException {
    public OpenClException(String message) {
        super(message);
    }

    public OpenClException(String message, Throwable cause) {
        super(message, cause);
    }
}
