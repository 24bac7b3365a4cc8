package io.qualityhub.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entries;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The function's own log4j2.xml: a key named like a sensitive column never reaches the log with its value. */
class SensitiveKeyMaskingTest {

  @Test
  void sensitiveKeysAreMaskedInArgumentsContextAndNestedMapsWhileOtherKeysStay() throws Exception {
    String line = logged(() -> {
      MDC.put("customer_phone", "PLANTED-mdc-phone");
      try {
        LoggerFactory.getLogger("io.qualityhub.intake.IntakeHandler").info("row stored",
            entry("objectKey", "incoming/TPE-01/2026-11-23/claims.csv"),
            entry("customer_name", "PLANTED-name"),
            entry("customerIdNo", "PLANTED-camel-case-id"),
            entries(Map.of("row", Map.of("line", 7, "diagnosis", "PLANTED-nested-diagnosis",
                "parts", List.of(Map.of("Health-Notes", "PLANTED-in-a-list"))))));
      } finally {
        MDC.clear();
      }
    });

    assertFalse(line.contains("PLANTED"), line);
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals("row stored", json.get("message").asText());
    assertEquals("incoming/TPE-01/2026-11-23/claims.csv", json.get("objectKey").asText());
    assertEquals("***", json.get("customer_name").asText());
    assertEquals("***", json.get("customerIdNo").asText());
    assertEquals("***", json.get("customer_phone").asText());
    assertEquals("***", json.at("/row/diagnosis").asText());
    assertEquals("***", json.at("/row/parts/0/Health-Notes").asText());
    assertEquals(7, json.at("/row/line").asInt());
  }

  @Test
  void valuesShapedLikeIdNumbersOrMobilePhonesAreMaskedInAnyFieldAndTheMessage() throws Exception {
    List<String> identifiers = List.of("A123456789", "f823456789", "11010519491231002X", "0912-345-678", "0912345678",
        "+886912345678", "13812345678", "+86 13812345678");
    String line = logged(() -> LoggerFactory.getLogger("io.qualityhub.intake.IntakeHandler").info("lookup for " + identifiers.get(0) + " done",
        entry("detail", "values " + String.join(" and ", identifiers)),
        entry("nested", Map.of("list", identifiers.subList(3, 5)))));

    JsonNode json = new ObjectMapper().readTree(line);
    identifiers.forEach(identifier -> assertFalse(line.contains(identifier), identifier + " in " + line));
    assertEquals("lookup for *** done", json.get("message").asText());
    assertEquals("values *** and *** and *** and *** and *** and *** and *** and ***", json.get("detail").asText());
    assertEquals("***", json.at("/nested/list/1").asText());
  }

  @Test
  void timestampsIdsAmountsAndKeysAreNotTakenForIdentifiers() throws Exception {
    List<String> kept = List.of("2026-11-24T09:00:00+08:00", "1764921600000", "17f5eaf4-ce51-4d72-ae67-72fdd32843f0",
        "QH-2710873AED52", "CLM-TPE-2611-0107", "12000.50", "incoming/TPE-01/2026-11-23/claims.csv", "AZ12345678", "TPE12345678");
    String line = logged(() -> LoggerFactory.getLogger("io.qualityhub.intake.IntakeHandler").info("kept", entry("values", kept)));

    JsonNode json = new ObjectMapper().readTree(line);
    for (int i = 0; i < kept.size(); i++) {
      assertEquals(kept.get(i), json.at("/values/" + i).asText());
    }
  }

  @Test
  void aLineWithoutSensitiveKeysIsWrittenUnchanged() throws Exception {
    String line = logged(() -> LoggerFactory.getLogger("io.qualityhub.intake.IntakeHandler").info("upload processed",
        entry("objectKey", "incoming/TPE-01/2026-11-23/claims.csv"), entry("accepted", 14)));
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals(14, json.get("accepted").asInt());
    assertEquals("upload processed", json.get("message").asText());
  }

  private static String logged(Runnable logging) {
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setOut(console);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), "one log line: " + lines);
    return lines.get(0);
  }
}
