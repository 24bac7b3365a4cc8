package io.qualityhub.sampling.domain;

/** Identity of a business record: unique within its branch and record type (upload format, "Limits"). */
public record RecordKey(String recordType, String branch, String recordId) implements Comparable<RecordKey> {

    public RecordKey {
        requireText(recordType, "recordType");
        requireText(branch, "branch");
        requireText(recordId, "recordId");
        if (recordType.contains("|") || branch.contains("|")) {
            // The keyed random number hashes type|branch|id; only the last part may contain the separator.
            throw new IllegalArgumentException("record type and branch may not contain '|' (got "
                    + recordType + "/" + branch + ")");
        }
    }

    @Override
    public int compareTo(RecordKey other) {
        // Spelled out rather than a Comparator chain: sampling sorts a million of these per period.
        int byType = recordType.compareTo(other.recordType);
        if (byType != 0) {
            return byType;
        }
        int byBranch = branch.compareTo(other.branch);
        return byBranch != 0 ? byBranch : recordId.compareTo(other.recordId);
    }

    @Override
    public String toString() {
        return recordType + "/" + branch + "/" + recordId;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " of a record must not be empty");
        }
    }
}
