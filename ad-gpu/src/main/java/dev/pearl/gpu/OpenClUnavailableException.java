package dev.pearl.gpu;

/**
 * Thrown when OpenCL was asked for but this machine cannot provide it: no OpenCL library, no
 * device, or no device matching the request. The message is one line saying which.
 */
public final class OpenClUnavailableException extends OpenClException {
    /**
     * The exception with its one-line reason.
     *
     * @param message why OpenCL cannot be used, e.g. no library, no device, no match
     */
    public OpenClUnavailableException(String message) {
        super(message);
    }
}
