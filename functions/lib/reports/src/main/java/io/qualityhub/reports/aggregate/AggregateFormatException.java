package io.qualityhub.reports.aggregate;

/** A stored aggregate that cannot be read back. */
public class AggregateFormatException extends RuntimeException {

    public AggregateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
