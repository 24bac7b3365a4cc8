package io.qualityhub.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.RecordType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CustomerRecordTest {

  @Test
  void printingARecordNeverShowsTheCustomersName() {
    CustomerRecord record = new CustomerRecord(RecordType.CLAIMS, "TPE-01", "CLM-1", LocalDate.parse("2026-11-23"),
        LocalDate.parse("2026-11-20"), "paid", "PLANTED-陳美玲");

    assertFalse(record.toString().contains("PLANTED"), record.toString());
    assertTrue(record.toString().contains("CLM-1") && record.toString().contains("(masked)"), record.toString());
  }
}
