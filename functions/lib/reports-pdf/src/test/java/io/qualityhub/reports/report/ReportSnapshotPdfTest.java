package io.qualityhub.reports.report;

import static io.qualityhub.reports.report.ReportSnapshotTest.COMPANY;
import static io.qualityhub.reports.report.ReportSnapshotTest.SPECIAL;
import static io.qualityhub.reports.report.ReportSnapshotTest.TARGETS;
import static io.qualityhub.reports.report.ReportSnapshotTest.snapshotOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.render.CsvReportRenderer;
import io.qualityhub.reports.render.JsonReportRenderer;
import io.qualityhub.reports.render.PdfReportRenderer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PDF side of ReportSnapshotTest (reports module): a report rebuilt from its snapshot renders to the same bytes. */
class ReportSnapshotPdfTest {

    @Test
    void eachReportRebuiltFromTheStoredSnapshotRendersToTheSameBytesInEveryFormat() {
        AggregateLedger ledger = HandBuiltDataset.ledger();
        ReportSnapshot snapshot = snapshotOf(ledger);
        ReportSnapshot stored = ReportSnapshot.fromJson(snapshot.toJson());
        for (String id : List.of(COMPANY, SPECIAL)) {
            QualityReport built = new ReportBuilder(ledger, TARGETS, FindingRules.standard())
                    .build(snapshot.reports().get(id));
            QualityReport rebuilt = stored.rebuild(id);
            assertArrayEquals(new PdfReportRenderer().render(built), new PdfReportRenderer().render(rebuilt), id);
            assertArrayEquals(new CsvReportRenderer().render(built), new CsvReportRenderer().render(rebuilt), id);
            assertArrayEquals(new JsonReportRenderer().render(built, snapshot.reference()),
                    new JsonReportRenderer().render(rebuilt, stored.reference()), id);
        }
    }

    @Test
    void thePdfOfTheSameReportIsTheSameBytesEachTimeItIsRendered() {
        QualityReport report = snapshotOf(HandBuiltDataset.ledger()).rebuild(COMPANY);
        byte[] first = new PdfReportRenderer().render(report);
        assertArrayEquals(first, new PdfReportRenderer().render(report));
        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("/ModDate"), "no modification date from the clock");
    }
}
