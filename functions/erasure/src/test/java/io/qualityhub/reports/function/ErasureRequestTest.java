package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.ErasureResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErasureRequestTest {

  @Test
  void anEventWithBothIdentifiersAndItsRequesterIsTheRequestTheCommandLineSent() {
    ErasureRequest sent = new ErasureRequest(Map.of(BlindIndexedColumn.ID_NUMBER, "PLANT-ID", BlindIndexedColumn.PHONE,
        "PLANT-PHONE"), "arn:aws:sts::123456789012:assumed-role/CustomerData/ana", "CustomerData");

    ErasureRequest received = ErasureRequest.fromEvent(new HashMap<>(sent.toEvent()));

    assertEquals(sent, received);
    assertEquals(Map.of("idNumber", "PLANT-ID", "phone", "PLANT-PHONE",
        "requestedBy", "arn:aws:sts::123456789012:assumed-role/CustomerData/ana", "requestedByRole", "CustomerData"), sent.toEvent());
    assertEquals("customer_id_no,customer_phone", received.identifierColumns());
    assertFalse(received.toString().contains("PLANT"), received.toString());
  }

  @Test
  void anInvokerThatDoesNotNameItselfIsRecordedAsUnnamed() {
    ErasureRequest request = ErasureRequest.fromEvent(Map.of("phone", "PLANT-PHONE"));

    assertEquals(Map.of(BlindIndexedColumn.PHONE, "PLANT-PHONE"), request.identifiers());
    assertEquals(ErasureRequest.UNNAMED, request.requestedBy());
    assertEquals("unknown", request.requestedByRole());
  }

  @Test
  void aWrongEventIsRefusedByItsMembersNeverByItsValues() {
    assertEquals("an erasure request needs \"idNumber\", \"phone\" or both",
        refusal(Map.of("requestedBy", "someone")));
    assertEquals("\"idNumber\" must be a non-empty string", refusal(Map.of("idNumber", "  ")));
    assertEquals("\"phone\" must be a non-empty string", refusal(Map.of("phone", 912345678)));
    assertEquals("\"idNumber\" is longer than 64 characters", refusal(Map.of("idNumber", "PLANT-" + "9".repeat(70))));
    // A value typed as a key is not quoted back.
    assertEquals("the event has a member that is none of [idNumber, phone, requestedBy, requestedByRole]",
        refusal(Map.of("PLANT-A123456789", "x", "idNumber", "PLANT-ID")));
    assertEquals("the event is empty; send {\"idNumber\": \"...\"}", refusal(null));
  }

  @Test
  void theFunctionsAnswerReadsBackAsTheResultItDescribes() {
    ErasureResult result = new ErasureResult("7d0c-request", Instant.parse("2026-12-05T13:00:00Z"), 5, 1, 3, 2, 6, 4,
        List.of("incoming/B/2026-11-23/claims.csv (current version: every row of it is the customer's)"),
        List.of("incoming/B/2026-11-23/sales.csv.gz"), true);

    Map<String, Object> response = ErasureResponse.of(result);

    assertEquals(List.of("requestId", "erasedAt", "completed", "resumed", "itemsErased", "itemsFailingIntegrity",
        "linkedItemsErased", "statesCleaned", "uploadsRewritten", "uploadVersionsDeleted", "uploadsHoldingValues",
        "uploadsAwaitingIntake"), List.copyOf(response.keySet()));
    assertEquals(false, response.get("completed"));
    assertEquals("2026-12-05T13:00:00Z", response.get("erasedAt"));
    assertEquals(result, ErasureResponse.result(response));
  }

  @Test
  void anAnswerOfAnotherVersionSaysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ErasureResponse.result(Map.of("requestId", "r", "erasedAt", "2026-12-05T13:00:00Z")));
    assertEquals("the erasure function answered in a form this command line does not know (NullPointerException);"
        + " deploy the command line's version of the stack", e.getMessage());
  }

  @Test
  void theSampleEventIsAQualityStaffErasureOfOneCustomerByBothIdentifiers() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> sample = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(java.nio.file.Path.of("../../events/erasure/erase-customer.json").toFile(), Map.class);

    ErasureRequest request = ErasureRequest.fromEvent(sample);

    assertEquals(Map.of(BlindIndexedColumn.ID_NUMBER, "A123456789", BlindIndexedColumn.PHONE, "0912-345-678"),
        request.identifiers());
    assertEquals("arn:aws:sts::123456789012:assumed-role/qualityhub-dev-customer-data/chen.quality", request.requestedBy());
    assertEquals("qualityhub-dev-customer-data", request.requestedByRole());
  }

  private static String refusal(Map<String, ?> event) {
    return assertThrows(InvalidErasureRequestException.class, () -> ErasureRequest.fromEvent(event)).getMessage();
  }
}
