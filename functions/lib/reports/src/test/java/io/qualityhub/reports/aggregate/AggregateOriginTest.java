package io.qualityhub.reports.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.format.RecordType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregateOriginTest {

  @Test
  void everyUploadTypeOfTheFormatIsASourceSpelledByItsConstantName() {
    assertEquals(List.of("SALES", "UNDERWRITING", "FOLLOWUPS", "CLAIMS", "COMPLAINTS", "SURVEYS", "VIOLATIONS", "FINDINGS",
            "PORTFOLIO", "INSPECTORS"),
        Arrays.stream(RecordType.values()).map(type -> AggregateOrigin.of(type).name()).toList());
    assertEquals(Optional.of(RecordType.CLAIMS), AggregateOrigin.of(RecordType.CLAIMS).uploadType());
  }

  @Test
  void theMonitorsTwoSourcesAreNoUploadType() {
    assertEquals("MONITOR_SNAPSHOT", AggregateOrigin.MONITOR_SNAPSHOT.name());
    assertEquals("UPLOADS", AggregateOrigin.UPLOADS.name());
    assertEquals(Optional.empty(), AggregateOrigin.MONITOR_SNAPSHOT.uploadType());
    assertEquals(Optional.empty(), AggregateOrigin.UPLOADS.uploadType());
  }

  @Test
  void aStoredNameReadsBackAsTheSameSource() {
    assertSame(AggregateOrigin.of(RecordType.SALES), AggregateOrigin.valueOf("SALES"));
    assertSame(AggregateOrigin.MONITOR_SNAPSHOT, AggregateOrigin.valueOf("MONITOR_SNAPSHOT"));
    assertSame(AggregateOrigin.UPLOADS, AggregateOrigin.valueOf("UPLOADS"));
    assertThrows(IllegalArgumentException.class, () -> AggregateOrigin.valueOf("sales"));
  }
}
