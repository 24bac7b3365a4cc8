package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.sampling.domain.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PopulationReaderTest {

  @Test
  void attributesAreTheNonSensitiveColumnsAsTheRulesReadThem() {
    Map<String, AttributeValue> item = Map.of(
        "record_id", AttributeValue.fromS("S-1"),
        "premium", AttributeValue.fromN("36800.5"),
        "terms_given", AttributeValue.fromBool(false),
        "customer_signed", AttributeValue.fromBool(true),
        "customer_name", AttributeValue.fromB(SdkBytes.fromUtf8String("sealed")),
        "customer_id_no", AttributeValue.fromS("A223456781"),
        "branch", AttributeValue.fromS("TPE-01"),
        "generation", AttributeValue.fromS("v1"));

    Map<String, String> attributes = PopulationReader.attributes(RecordType.SALES, item);

    assertEquals(Map.of("record_id", "S-1", "premium", "36800.5", "terms_given", "N", "customer_signed", "Y"),
        attributes);
  }

  @Test
  void aRecordBelongsToThePeriodOfTheLocalDateWrittenInItsMembershipColumn() {
    Period november = Period.parse("2026-11");
    // 30 November 23:30 in Taipei is 1 December in UTC, and still November for sampling.
    assertTrue(PeriodMembership.belongs("sales", Map.of("sold_at", "2026-11-30T23:30:00+08:00"), november));
    assertFalse(PeriodMembership.belongs("sales", Map.of("sold_at", "2026-12-01T00:10:00+08:00"), november));
    assertFalse(PeriodMembership.belongs("claims", Map.of("reported_at", "2026-11-05T10:00:00+08:00"), november),
        "an open claim (no closed_at) is not yet in any period");
    assertTrue(PeriodMembership.belongs("followups", Map.of("visited_on", "2026-11-01"), november));
  }
}
