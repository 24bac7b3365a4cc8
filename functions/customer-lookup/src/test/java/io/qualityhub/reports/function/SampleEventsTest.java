package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.store.BlindIndexedColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample events in events/reports (for {@code sam local invoke -e}) read as the functions read what AWS sends. */
class SampleEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Path EVENTS = Path.of("../../events/reports");

  @Test
  void theAggregateQueueEventCarriesTheFileIntakeMadeCurrent() throws Exception {
    JsonNode sample = JSON.readTree(Files.readString(EVENTS.resolve("sqs-aggregate-file-current.json")));

    FileCurrentEvent event = FileCurrentEvent.fromQueueMessage(sample.get("Records").get(0).get("body").asText());

    assertEquals("TPE-01#claims#2026-11-23", event.fileId());
    assertEquals("incoming/TPE-01/2026-11-23/claims.csv", event.objectKey());
    assertEquals("Zq3v8W1nH7cJk2LmP0sT4uX6yB9dE5fG", event.generation());
  }

  @Test
  void theReportAccessEventIsAnAuditorsVerifiedRequestThroughTheHttpApi() throws Exception {
    APIGatewayV2HTTPEvent event = JSON.readValue(Files.readString(EVENTS.resolve("http-api-report-access.json")), APIGatewayV2HTTPEvent.class);

    Caller caller = Caller.of(event, Instant.parse("2026-11-25T02:00:00Z"));

    assertEquals(new Caller("auditor-lin", Set.of("auditor"), "203.0.113.24", "Mozilla/5.0 (QualityHub portal)", Optional.empty()),
        caller);
    assertEquals("quality-report_2026-11_company", event.getPathParameters().get("reportId"));
    assertEquals("pdf", event.getQueryStringParameters().get("format"));
  }

  @Test
  void theCustomerLookupEventIsAQualityStaffPostCarryingTheIdNumberInItsBody() throws Exception {
    APIGatewayV2HTTPEvent event = JSON.readValue(Files.readString(EVENTS.resolve("http-api-customer-lookup.json")),
        APIGatewayV2HTTPEvent.class);

    assertEquals(Set.of("quality"), Caller.of(event, Instant.parse("2026-11-25T02:00:00Z")).groups());
    CustomerIdentifier byIdNumber = new CustomerIdentifier(BlindIndexedColumn.ID_NUMBER, "A123456789");
    assertEquals(Optional.of(byIdNumber), identifierOf(event));
    event.setBody(java.util.Base64.getEncoder().encodeToString(event.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);
    assertEquals(Optional.of(byIdNumber), identifierOf(event), "as API Gateway may pass a body, base64-encoded");
    event.setIsBase64Encoded(false);
    event.setBody("{\"phone\": \"0912-345-678\"}");
    assertEquals(Optional.of(new CustomerIdentifier(BlindIndexedColumn.PHONE, "0912-345-678")),
        identifierOf(event), "a phone number, as the portal sends it");
    for (String notAsked : new String[] {"{\"idNo\": A123456789}", "{\"idNo\": 123}", "{\"phone\": 912345678}",
        "{\"idNo\": \"A123456789\", \"phone\": \"0912345678\"}", "{\"idNo\": \"  \"}", "{\"name\": \"林志明\"}",
        "[\"A123456789\"]", "", "{\"idNo\": \"" + "A".repeat(5000) + "\"}"}) {
      event.setBody(notAsked);
      assertEquals(Optional.empty(), identifierOf(event), notAsked.length() > 80 ? "an oversized body" : notAsked);
    }
  }

  @Test
  void theReportListEventIsABranchManagersRequestForTheirList() throws Exception {
    APIGatewayV2HTTPEvent event = JSON.readValue(Files.readString(EVENTS.resolve("http-api-report-list.json")),
        APIGatewayV2HTTPEvent.class);

    Caller caller = Caller.of(event, Instant.parse("2026-11-25T02:00:00Z"));
    assertEquals(List.of("manager-wang", Set.of("branch-manager:TPE-01"), Optional.empty()),
        List.of(caller.who(), caller.groups(), caller.problem()));
    assertEquals("GET /reports", event.getRouteKey());
    assertEquals(Optional.of("the token has expired; sign in again"),
        Caller.of(event, Instant.parse("2026-11-25T03:00:00Z")).problem(), "at the token's expiry (exp 1795575600)");
  }

  @Test
  void anIdentifierNeverPrintsTheValueItCarries() {
    assertEquals("Identifier[customer_phone]",
        new CustomerIdentifier(BlindIndexedColumn.PHONE, "0933-221-908").toString());
  }

  /** The identifier the customer lookup function reads from the event's body. */
  private static Optional<CustomerIdentifier> identifierOf(APIGatewayV2HTTPEvent event) {
    return CustomerIdentifier.ofBody(event.getBody(), event.getIsBase64Encoded());
  }
}
