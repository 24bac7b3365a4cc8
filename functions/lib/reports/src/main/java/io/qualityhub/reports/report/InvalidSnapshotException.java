package io.qualityhub.reports.report;

/** A report snapshot that does not read, or that cannot make the report asked of it. */
public final class InvalidSnapshotException extends RuntimeException {

    public InvalidSnapshotException(String message) {
        super(message);
    }

    public InvalidSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
