package io.qualityhub.local.generate;

import java.nio.file.Path;

/**
 * One file the generator wrote.
 *
 * @param key    its object key below {@code incoming/}: {@code {branch}/{date}/{type}.{csv|jsonl}[.gz]}
 * @param path   where it was written
 * @param counts how many rows it holds and which of them are deliberately bad
 */
public record GeneratedFile(String key, Path path, String branch, String recordType, RowCounts counts) {

    public long rows() {
        return counts.rows();
    }

    public long badRows() {
        return counts.badRows();
    }
}
