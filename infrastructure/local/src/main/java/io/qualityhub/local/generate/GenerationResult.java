package io.qualityhub.local.generate;

import java.util.List;

/** The files one generator run wrote, in the order they were written. */
public record GenerationResult(List<GeneratedFile> files) {

    public GenerationResult {
        files = List.copyOf(files);
    }

    public long totalRows() {
        return files.stream().mapToLong(GeneratedFile::rows).sum();
    }

    public long totalBadRows() {
        return files.stream().mapToLong(GeneratedFile::badRows).sum();
    }
}
