package io.qualityhub.local.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code qualityhub generate}: writes sample branch uploads to a directory and prints one line per file.
 * Exit codes: 0 done, 1 the files could not be written, 2 the command line was wrong.
 */
public final class GenerateCommand {

    public static final String USAGE = """
            usage: generate --branches N --rows M --out DIR [--seed S] [--date YYYY-MM-DD] [--bad-share 0.02]
                            [--types sales,claims,...] [--format csv|jsonl|mixed] [--gzip]
              --branches   number of branches, 1-999 (TPE-01, KHH-02, TXG-03, ...)
              --rows       data rows per file, 1-10000000
              --out        directory to write {branch}/{date}/{type}.{csv|jsonl}[.gz] into
              --seed       same seed, same bytes (default 42)
              --date       business date (default 2026-11-23)
              --bad-share  share of deliberately bad rows, 0-1 (default 0.02)
              --types      record types (default: sales,underwriting,followups,claims,complaints,surveys,violations;
                           findings is also known and goes to branch QA; portfolio writes each branch's
                           policies in force for the date's month, five product lines, always CSV)
              --format     csv, jsonl or mixed (default mixed)
              --gzip       gzip every file""";

    private GenerateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        GeneratorOptions options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            err.println("generate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            GenerationResult result = new SampleDataGenerator().generate(options);
            for (GeneratedFile file : result.files()) {
                out.printf("%s  rows=%d bad=%d%s  %s%n", file.key(), file.rows(), file.badRows(),
                        file.badRows() == 0 ? "" : " (" + file.counts().describeReasons() + ")", file.path());
            }
            out.printf("%d files, %d rows, %d bad%n", result.files().size(), result.totalRows(), result.totalBadRows());
            return 0;
        } catch (IOException e) {
            err.println("generate: could not write to " + options.outDir() + ": " + e.getMessage()
                    + "; check that the directory is writable and the disk has room");
            return 1;
        }
    }

    /** @return the options, or {@code null} when help was asked for */
    static GeneratorOptions parse(String[] args) throws UsageException {
        GeneratorOptions.Builder builder = GeneratorOptions.builder();
        boolean branches = false;
        boolean rows = false;
        boolean outDir = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--gzip" -> builder.gzip(true);
                case "--branches" -> {
                    builder.branches(intValue(option, value(args, ++i, option)));
                    branches = true;
                }
                case "--rows" -> {
                    builder.rowsPerFile(intValue(option, value(args, ++i, option)));
                    rows = true;
                }
                case "--out" -> {
                    builder.outDir(Path.of(value(args, ++i, option)));
                    outDir = true;
                }
                case "--seed" -> builder.seed(longValue(option, value(args, ++i, option)));
                case "--date" -> builder.businessDate(dateValue(option, value(args, ++i, option)));
                case "--bad-share" -> builder.badRowShare(doubleValue(option, value(args, ++i, option)));
                case "--types" -> builder.types(typesValue(value(args, ++i, option)));
                case "--format" -> builder.format(value(args, ++i, option));
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (!branches || !rows || !outDir) {
            throw new UsageException("--branches, --rows and --out are required");
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String option, String text) throws UsageException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got '" + text + "'");
        }
    }

    private static long longValue(String option, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got '" + text + "'");
        }
    }

    private static double doubleValue(String option, String text) throws UsageException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number such as 0.02, got '" + text + "'");
        }
    }

    private static LocalDate dateValue(String option, String text) throws UsageException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes a date as YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static Set<String> typesValue(String text) {
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(types::add);
        return types;
    }

    /** The command line cannot be followed; the message says which option is wrong and how. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
