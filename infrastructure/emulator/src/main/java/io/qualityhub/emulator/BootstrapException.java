package io.qualityhub.emulator;

/** A resource of the template could not be created on the endpoint, or clashes with what is already there. */
public final class BootstrapException extends RuntimeException {

    public BootstrapException(String message) {
        super(message);
    }

    public BootstrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
