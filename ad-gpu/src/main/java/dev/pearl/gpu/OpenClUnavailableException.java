package dev.pearl.gpu;

/**
 * Thrown when OpenCL was asked for but this machine cannot provide it: no OpenCL library, no
 * device, or no device matching the request. The message is one line saying which.
 */
public final class OpenClUnavailableException extends OpenClException {
    public OpenClUnavailableException(String message) {
        super(message);
    }
}
