package io.qualityhub.local.generate;

/**
 * Told about every deliberately bad row as it is written, with what the intake is expected to report for
 * it: the file line where the row starts (header = line 1), the column ("" for a malformed or oversized
 * row) and the reason code. Lets a test hold the exact expected rejects of a generated file.
 */
@FunctionalInterface
public interface BadRowListener {

    BadRowListener NONE = (key, line, column, reason) -> { };

    void badRow(String key, long line, String column, String reason);
}
