package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.CrossFieldRule.RequiredWhen;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaleRecordingTest {

  @Test
  void telemarketingAndBancassuranceSalesAndLifeAndHealthPoliciesNeedARecording() {
    assertTrue(SaleRecording.required(SalesChannel.TELEMARKETING, ProductLine.AUTO));
    assertTrue(SaleRecording.required(SalesChannel.BANCASSURANCE, ProductLine.PROPERTY));
    assertTrue(SaleRecording.required(SalesChannel.AGENT, ProductLine.LIFE));
    assertTrue(SaleRecording.required(SalesChannel.ONLINE, ProductLine.HEALTH));
    assertFalse(SaleRecording.required(SalesChannel.AGENT, ProductLine.ACCIDENT));
    assertFalse(SaleRecording.required(SalesChannel.BROKER, ProductLine.AUTO));
    assertFalse(SaleRecording.required(SalesChannel.ONLINE, ProductLine.PROPERTY));
  }

  @Test
  void validationRequiresTheRecordingIdUnderTheSameRule() {
    List<CrossFieldRule> recordingRules = RecordType.SALES.rules().stream()
        .filter(rule -> rule instanceof RequiredWhen required && required.column().equals("recording_id")).toList();

    assertEquals(List.of(new RequiredWhen("recording_id", "channel", Set.of("telemarketing", "bancassurance")),
        new RequiredWhen("recording_id", "product_line", Set.of("life", "health"))), recordingRules);
  }
}
