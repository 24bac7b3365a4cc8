package io.qualityhub.local.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to generate.
 *
 * @param branches    how many branches (1-999); they get realistic codes {@code TPE-01, KHH-02, TXG-03, ...}
 * @param rowsPerFile data rows in each file (1 to 10,000,000, the format's limit)
 * @param outDir      files go to {@code outDir/{branch}/{date}/{type}.{ext}}
 * @param seed        the same seed and options give byte-identical files
 * @param businessDate the day the records describe
 * @param badRowShare share of rows (0 to 1) that are deliberately bad, each with exactly one problem
 * @param types       record types to write; {@code findings} is written once, under branch {@code QA}
 * @param format      {@code csv}, {@code jsonl}, or {@code mixed} (both, and CSV with and without BOM/CRLF)
 * @param gzip        gzip every file (the key then ends in {@code .gz})
 */
public record GeneratorOptions(int branches, int rowsPerFile, Path outDir, long seed, LocalDate businessDate,
                               double badRowShare, Set<String> types, String format, boolean gzip) {

    public static final int MAX_BRANCHES = 999;
    public static final int MAX_ROWS_PER_FILE = 10_000_000;
    public static final List<String> FORMATS = List.of("csv", "jsonl", "mixed");

    public GeneratorOptions {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(format, "format");
        if (branches < 1 || branches > MAX_BRANCHES) {
            throw new IllegalArgumentException("branches must be 1-" + MAX_BRANCHES + ", was " + branches);
        }
        if (rowsPerFile < 1 || rowsPerFile > MAX_ROWS_PER_FILE) {
            throw new IllegalArgumentException(
                    "rows per file must be 1-" + MAX_ROWS_PER_FILE + " (the upload format's limit), was " + rowsPerFile);
        }
        if (!(badRowShare >= 0.0 && badRowShare <= 1.0)) {
            throw new IllegalArgumentException("bad row share must be between 0 and 1, was " + badRowShare);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one record type is needed; known types: "
                    + RecordSchema.ALL_TYPES);
        }
        for (String type : types) {
            if (!RecordSchema.ALL_TYPES.contains(type)) {
                throw new IllegalArgumentException(
                        "unknown record type '" + type + "'; known types: " + RecordSchema.ALL_TYPES);
            }
        }
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS + ", was '" + format + "'");
        }
        types = Set.copyOf(types);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: 3 branches, 1,000 rows, {@code ./generated}, seed 42, 2026-11-23, 2% bad, the seven branch types, mixed, no gzip. */
    public static final class Builder {
        private int branches = 3;
        private int rowsPerFile = 1_000;
        private Path outDir = Path.of("generated");
        private long seed = 42L;
        private LocalDate businessDate = LocalDate.of(2026, 11, 23);
        private double badRowShare = 0.02;
        private Set<String> types = Set.copyOf(RecordSchema.BRANCH_TYPES);
        private String format = "mixed";
        private boolean gzip;

        private Builder() {
        }

        public Builder branches(int branches) {
            this.branches = branches;
            return this;
        }

        public Builder rowsPerFile(int rowsPerFile) {
            this.rowsPerFile = rowsPerFile;
            return this;
        }

        public Builder outDir(Path outDir) {
            this.outDir = outDir;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder businessDate(LocalDate businessDate) {
            this.businessDate = businessDate;
            return this;
        }

        public Builder badRowShare(double badRowShare) {
            this.badRowShare = badRowShare;
            return this;
        }

        public Builder types(Set<String> types) {
            this.types = types;
            return this;
        }

        public Builder format(String format) {
            this.format = format;
            return this;
        }

        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        public GeneratorOptions build() {
            return new GeneratorOptions(branches, rowsPerFile, outDir, seed, businessDate, badRowShare, types,
                    format, gzip);
        }
    }
}
