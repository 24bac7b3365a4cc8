package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AggregateHandlerTest {

  private static final String EVENT = "{\"fileId\":\"TPE-01#2026-11-23#claims\",\"generation\":\"v2\"}";

  @Test
  void aFileEventIsReadRawOrFromItsSnsEnvelope() throws Exception {
    assertEquals(EVENT, AggregateHandler.unwrap(EVENT));
    String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(EVENT) + "}";
    assertEquals(EVENT, AggregateHandler.unwrap(envelope));
  }
}
