package io.qualityhub.reports.aggregate;

/**
 * A fact that cannot be counted as given (wrong record type, missing deadline verdict, steps out of
 * order). The message names the file slot and the rule, never a field value that could be sensitive.
 */
public class InvalidFactException extends RuntimeException {

    public InvalidFactException(String message) {
        super(message);
    }
}
