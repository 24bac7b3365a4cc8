package io.qualityhub.local.generate;

import java.time.LocalDate;

/**
 * What every record source of one branch file shares: its schema, the seeded fakes, the branch and
 * business date (and the forms of that date ids and timestamps are built from), and a running
 * sequence number for ids.
 */
abstract class GeneratedSource implements RecordSource {

    protected final RecordSchema schema;
    protected final Fakes fakes;
    protected final String branch;
    protected final LocalDate businessDate;
    /** {@code yyyyMMdd}, for daily ids. */
    protected final String datePart;
    /** {@code yyMM}, for monthly ids. */
    protected final String monthPart;
    /** The business date's first instant, for timestamps. */
    protected final long dayStart;
    protected int sequence;

    GeneratedSource(String type, Fakes fakes, String branch, LocalDate businessDate) {
        this.schema = RecordSchema.of(type);
        this.fakes = fakes;
        this.branch = branch;
        this.businessDate = businessDate;
        this.datePart = businessDate.toString().replace("-", "");
        this.monthPart = businessDate.toString().substring(2, 7).replace("-", "");
        this.dayStart = Fakes.startOfDay(businessDate);
    }

    @Override
    public final RecordSchema schema() {
        return schema;
    }
}
