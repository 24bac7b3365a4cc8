package io.qualityhub.emulator;

/** The local AWS emulator could not be found, installed, started or reached. */
public final class EmulatorStartException extends RuntimeException {

    public EmulatorStartException(String message) {
        super(message);
    }

    public EmulatorStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
