package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portfolio type (policies in force per month and product line): what is accepted and why a row is rejected. */
class PortfolioRowsTest {

  @Test
  void monthsAndWholeCountsAreAcceptedAndEachBadRowIsRejectedWithItsReason() throws Exception {
    String csv = String.join("\n",
        "month,product_line,policies_in_force",
        "2026-11,life,8200",
        "2026-11,health,0",
        "2026-13,auto,10",
        "2026-11-30,property,10",
        "2026-11,accident,12.5",
        "2026-11,accident,-3",
        "2026-11,pets,10",
        "2026-11,life,9000",
        "2026-11,accident,") + "\n";

    ScanFixture scan = ScanFixture.scan(RecordType.PORTFOLIO, FileFormat.CSV, csv);

    assertEquals(List.of(2, 3), scan.acceptedLines);
    assertEquals(List.of(
        "4:month:INVALID_MONTH",
        "5:month:INVALID_MONTH",
        "6:policies_in_force:INVALID_COUNT",
        "7:policies_in_force:INVALID_COUNT",
        "8:product_line:INVALID_ENUM",
        "9:product_line:DUPLICATE_ID",
        "10:policies_in_force:MISSING_REQUIRED"), scan.rejectSummary());
  }

  @Test
  void jsonLinesMayGiveTheCountAsANumber() throws Exception {
    String jsonl = "{\"month\":\"2026-11\",\"product_line\":\"life\",\"policies_in_force\":8200}\n"
        + "{\"month\":\"2026-11\",\"product_line\":\"auto\",\"policies_in_force\":1.5}\n";

    ScanFixture scan = ScanFixture.scan(RecordType.PORTFOLIO, FileFormat.JSON_LINES, jsonl);

    assertEquals(List.of(1), scan.acceptedLines);
    assertEquals(List.of("2:policies_in_force:INVALID_COUNT"), scan.rejectSummary());
  }

  @Test
  void theRejectMessagesSayWhatToWrite() {
    assertEquals("'month' must be a month written YYYY-MM",
        io.qualityhub.core.format.RejectReason.INVALID_MONTH.message("month"));
    assertEquals("'policies_in_force' must be a whole number from 0 to 999999999, digits only",
        io.qualityhub.core.format.RejectReason.INVALID_COUNT.message("policies_in_force"));
  }
}
