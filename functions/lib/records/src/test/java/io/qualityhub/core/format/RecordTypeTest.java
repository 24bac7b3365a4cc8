package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The record types' key names, as the format page lists them (UPLOAD-FORMAT.md). */
class RecordTypeTest {

  @Test
  void theWireNamesAreTheFormatPagesInItsOrder() {
    assertEquals(List.of("sales", "underwriting", "followups", "claims", "complaints", "surveys", "violations", "findings",
        "portfolio", "inspectors"),
        RecordType.wireNames());
  }
}
