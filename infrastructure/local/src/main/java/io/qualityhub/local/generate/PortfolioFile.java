package io.qualityhub.local.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A branch's portfolio upload: policies in force at the end of the business date's month, one row per product
 * line. It has no free text and one row per id (the product line), so it is written whole and good, outside the
 * per-row defect machinery the other types go through, whatever the rows per file asked for.
 */
final class PortfolioFile {

    static final String TYPE = "portfolio";
    private static final String[] PRODUCT_LINES = {"life", "health", "accident", "property", "auto"};

    private PortfolioFile() {
    }

    /** Writes the CSV; returns its row counts (five rows, none bad). */
    static RowCounts write(Writer out, YearMonth month, SplittableRandom random) throws IOException {
        out.write("month,product_line,policies_in_force\n");
        for (String line : PRODUCT_LINES) {
            out.write(month + "," + line + "," + random.nextInt(500, 20_001) + "\n");
        }
        return new RowCounts(PRODUCT_LINES.length, 0, Map.of());
    }
}
