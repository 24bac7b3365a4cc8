package io.qualityhub.core.validate;

/** What one pass over a file found: data rows read, accepted and rejected. */
public record ScanResult(long rowsRead, long accepted, long rejected) {}
