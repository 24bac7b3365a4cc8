package io.qualityhub.local.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic, fictitious branch uploads in upload format version 1, for demos, intake tests and
 * benchmarks: {@code {outDir}/{branch}/{date}/{type}.{csv|jsonl}[.gz]}, the same bytes for the same seed
 * and options, with a chosen share of deliberately bad rows that each have exactly one problem.
 * Rows are written as they are made, so a file of 10 million rows needs no more memory than one of ten.
 */
public final class SampleDataGenerator {

    /** Branch of the quality department, the only one that uploads findings. */
    public static final String QUALITY_BRANCH = "QA";

    private static final String[] BRANCH_CODES = {"TPE-01", "KHH-02", "TXG-03", "TNN-04", "HSZ-05", "TYN-06",
        "KEL-07", "CYI-08", "ILN-09", "HUN-10", "TTT-11", "PIF-12", "MIA-13", "CHW-14", "NTO-15", "YUN-16"};
    private static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 11, 23);
    private static final int WRITE_BUFFER = 1 << 16;

    public GenerationResult generate(GeneratorOptions options) throws IOException {
        return generate(options, BadRowListener.NONE);
    }

    /** As {@link #generate(GeneratorOptions)}, telling {@code listener} where each bad row is and why. */
    public GenerationResult generate(GeneratorOptions options, BadRowListener listener) throws IOException {
        List<GeneratedFile> files = new ArrayList<>();
        for (int b = 0; b < options.branches(); b++) {
            String branch = branchCode(b);
            for (int t = 0; t < RecordSchema.BRANCH_TYPES.size(); t++) {
                String type = RecordSchema.BRANCH_TYPES.get(t);
                if (options.types().contains(type)) {
                    files.add(writeFile(options, branch, type, formatFor(options.format(), b, t), listener));
                }
            }
            if (options.types().contains(PortfolioFile.TYPE)) {
                files.add(writePortfolio(options, branch));
            }
        }
        if (options.types().contains(RecordSchema.FINDINGS)) {
            files.add(writeFile(options, QUALITY_BRANCH, RecordSchema.FINDINGS, formatFor(options.format(), 0, 0), listener));
        }
        return new GenerationResult(files);
    }

    /**
     * One claims CSV (branch {@code TPE-01}, business date 2026-11-23, header and LF line ends) of
     * {@code rows} data rows, for benchmarks that want the bytes without files.
     */
    public static RowCounts writeClaims(Writer out, int rows, long seed, double badShare) throws IOException {
        return writeCsv(out, RecordSchema.CLAIMS, rows, seed, badShare);
    }

    /**
     * As {@link #writeClaims}, for any record type a branch uploads ({@link #branchTypes()}): the file
     * {@code TPE-01/2026-11-23/{type}.csv}. Rows differ in width by type (about 100 bytes a follow-up, 200
     * a sale, 245 a claim), so the type decides how many rows fit the contract's 2 GiB.
     */
    public static RowCounts writeCsv(Writer out, String type, int rows, long seed, double badShare) throws IOException {
        if (rows < 0 || !(badShare >= 0.0 && badShare <= 1.0)) {
            throw new IllegalArgumentException("rows must be >= 0 and the bad share between 0 and 1, were "
                    + rows + " and " + badShare);
        }
        if (!RecordSchema.BRANCH_TYPES.contains(type)) {
            throw new IllegalArgumentException("'" + type + "' is not a record type branches upload; one of "
                    + RecordSchema.BRANCH_TYPES);
        }
        String branch = BRANCH_CODES[0];
        RecordFileWriter writer = fileWriter(branch + "/" + DEFAULT_DATE + "/" + type + ".csv", branch, type,
                RowFormat.csv(false, false), DEFAULT_DATE, badShare, seed);
        return writer.write(out, rows, BadRowListener.NONE);
    }

    /** The record types branches upload, in the format page's order. */
    public static List<String> branchTypes() {
        return RecordSchema.BRANCH_TYPES;
    }

    static String branchCode(int index) {
        return index < BRANCH_CODES.length ? BRANCH_CODES[index] : String.format("BR-%03d", index + 1);
    }

    /** In mixed mode, neighbouring files alternate between CSV and JSON Lines, and CSV between LF and BOM+CRLF. */
    private static RowFormat formatFor(String format, int branchIndex, int typeIndex) {
        return switch (format) {
            case "csv" -> RowFormat.csv(false, false);
            case "jsonl" -> RowFormat.jsonl();
            default -> (branchIndex + typeIndex) % 2 == 0
                    ? RowFormat.csv(branchIndex % 2 == 0, branchIndex % 2 == 0)
                    : RowFormat.jsonl();
        };
    }

    private GeneratedFile writeFile(GeneratorOptions options, String branch, String type, RowFormat format,
                                    BadRowListener listener) throws IOException {
        String key = branch + "/" + options.businessDate() + "/" + type + "." + format.extension()
                + (options.gzip() ? ".gz" : "");
        Path path = options.outDir().resolve(key);
        Files.createDirectories(path.getParent());
        RecordFileWriter writer = fileWriter(key, branch, type, format, options.businessDate(),
                options.badRowShare(), options.seed());
        RowCounts counts;
        try (Writer out = open(path, options.gzip())) {
            counts = writer.write(out, options.rowsPerFile(), listener);
        }
        return new GeneratedFile(key, path, branch, type, counts);
    }

    /** Always CSV: five rows do not need another format to exercise. */
    private static GeneratedFile writePortfolio(GeneratorOptions options, String branch) throws IOException {
        String key = branch + "/" + options.businessDate() + "/" + PortfolioFile.TYPE + ".csv" + (options.gzip() ? ".gz" : "");
        Path path = options.outDir().resolve(key);
        Files.createDirectories(path.getParent());
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L
                + (branch + "/" + PortfolioFile.TYPE).hashCode());
        RowCounts counts;
        try (Writer out = open(path, options.gzip())) {
            counts = PortfolioFile.write(out, java.time.YearMonth.from(options.businessDate()), random);
        }
        return new GeneratedFile(key, path, branch, PortfolioFile.TYPE, counts);
    }

    private static Writer open(Path path, boolean gzip) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        OutputStream stream = gzip ? new GZIPOutputStream(file, WRITE_BUFFER) : file;
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), WRITE_BUFFER);
    }

    /** Each file draws from its own stream of the seed, so it does not change when other files are added or left out. */
    private static RecordFileWriter fileWriter(String key, String branch, String type, RowFormat format,
                                               LocalDate businessDate, double badShare, long seed) {
        SplittableRandom fileRandom = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (branch + "/" + type).hashCode());
        Fakes fakes = new Fakes(fileRandom.split(), branch);
        RecordSource source = switch (type) {
            case RecordSchema.SALES -> new SalesSource(fakes, branch, businessDate);
            case RecordSchema.UNDERWRITING -> new UnderwritingSource(fakes, branch, businessDate);
            case RecordSchema.FOLLOWUPS -> new FollowupSource(fakes, branch, businessDate);
            case RecordSchema.CLAIMS -> new ClaimSource(fakes, branch, businessDate);
            case RecordSchema.COMPLAINTS -> new ComplaintSource(fakes, branch, businessDate);
            case RecordSchema.SURVEYS -> new SurveySource(fakes, branch, businessDate);
            case RecordSchema.VIOLATIONS -> new ViolationSource(fakes, branch, businessDate);
            case RecordSchema.FINDINGS -> new FindingSource(fakes, branch, businessDate);
            default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
        };
        String otherBranch = branch.equals(BRANCH_CODES[0]) ? BRANCH_CODES[1] : BRANCH_CODES[0];
        return new RecordFileWriter(key, source, format, otherBranch, badShare, fileRandom.split());
    }
}
