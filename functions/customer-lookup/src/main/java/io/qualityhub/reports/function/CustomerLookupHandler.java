package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerLookup;
import io.qualityhub.core.store.CustomerRecord;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.ReportAccessPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The portal's customer lookup behind the HTTP API ({@code POST /customers/lookup}, body
 * {@code {"idNo": "..."}} or {@code {"phone": "..."}}, same JWT authoriser as the reports): every
 * record of one customer found by national ID number or phone number through its blind index, for
 * the quality department only. The value travels in the body so that it never sits in a URL or an
 * access log, and it is never logged, audited or echoed: the audit record (written before any
 * record is returned, denials too) holds the principal, the kind of identifier and how many
 * records were found.
 */
public final class CustomerLookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerLookupHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** An ID or phone number is a few characters; the bound keeps a hostile body from costing memory or time. */
  private static final int MAX_BODY_CHARS = 4096;
  /** The body's field for each identifier a customer can be looked up by. */
  private static final Map<String, BlindIndexedColumn> FIELDS = Map.of(
      "idNo", BlindIndexedColumn.ID_NUMBER,
      "phone", BlindIndexedColumn.PHONE);

  private final Supplier<CustomerLookup> lookup;
  private final AuditTrail trail;
  private final Clock clock;
  /**
   * Held so that CRaC, which holds resources weakly, still primes this handler when SnapStart snapshots it; tests
   * prime it themselves.
   */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public CustomerLookupHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local portal and tests, with the emulator's clients and their own clock. */
  public CustomerLookupHandler(Settings settings, AwsClients clients, Clock clock) {
    String recordsTable = settings.required("RECORDS_TABLE");
    String indexKeyArn = settings.required("INDEX_KEY_ARN");
    String dataKeyArn = settings.required("DATA_KEY_ARN");
    // Built for each allowed lookup, not at start: a denied caller costs no KMS call.
    this.lookup = () -> new CustomerLookup(clients.dynamoDb(), recordsTable,
        new BlindIndexKeyStore(clients.dynamoDb(), recordsTable, new KmsDataKeySource(clients.kms(), indexKeyArn)).load(),
        new RecordDecryptor(clients.dynamoDb(), recordsTable, new KmsDataKeySource(clients.kms(), dataKeyArn),
            failure -> LOG.error("stored record failed its integrity check", entry("item", failure.getMessage()))));
    this.trail = new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE"));
    this.clock = clock;
    // SnapStart priming (decision 0018): reading a made-up caller; a real request's denial is audited, so none is sent.
    this.priming = SnapStartPriming.register("customer-lookup", () -> Caller.of(PrimingRequests.signedIn("[quality]"), Instant.EPOCH));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Caller caller = Caller.of(event, now);
    Optional<Identifier> asked = identifier(event);
    // A denial names the kind of identifier asked by, when the body says it, never the value.
    String subject = asked.map(identifier -> subject(identifier.column())).orElse("customer records");
    if (caller.problem().isPresent()) {
      record(caller, "none", subject, null, AccessRecord.Decision.DENY, now);
      return JsonResponses.of(401, Map.of("error", caller.problem().get()));
    }
    if (!caller.groups().contains(ReportAccessPolicy.QUALITY)) {
      record(caller, String.join(" ", caller.groups().stream().sorted().toList()), subject, null, AccessRecord.Decision.DENY, now);
      return JsonResponses.of(403, Map.of("error", "customer lookups are for the quality department; this request is on the audit trail"));
    }
    if (asked.isEmpty()) {
      return JsonResponses.of(400, Map.of("error", "give the customer's ID number as {\"idNo\": \"...\"} or phone number as"
          + " {\"phone\": \"...\"} in the request body, one of the two"));
    }
    List<CustomerRecord> records = lookup.get().find(asked.get().column(), asked.get().value());
    // On the trail before anything is returned: if it cannot be written, the records are not shown.
    record(caller, ReportAccessPolicy.QUALITY, subject, (long) records.size(), AccessRecord.Decision.ALLOW, now);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CustomerRecord record : records) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", record.type().wireName());
      row.put("branch", record.branch());
      row.put("recordId", record.recordId());
      row.put("date", String.valueOf(record.date() == null ? record.businessDate() : record.date()));
      row.put("status", record.status());
      row.put("customerName", record.customerName());
      rows.add(row);
    }
    return JsonResponses.of(200, Map.of("records", rows));
  }

  /** What a customer is looked up by: the blind-indexed column and the value given for it. */
  record Identifier(BlindIndexedColumn column, String value) {

    @Override
    public String toString() {
      return "Identifier[" + column.column() + "]"; // never the value, wherever a record is printed
    }
  }

  /**
   * The identifier of the body: exactly one of {@code idNo} and {@code phone}, a non-blank string;
   * otherwise none. A body that is not the JSON asked for counts as none: a parser's message could
   * quote the value, so it is never passed on.
   */
  static Optional<Identifier> identifier(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null || body.length() > MAX_BODY_CHARS) {
      return Optional.empty();
    }
    try {
      if (event.getIsBase64Encoded()) {
        body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      }
      JsonNode json = JSON.readTree(body);
      List<Identifier> given = new ArrayList<>();
      FIELDS.forEach((field, column) -> {
        JsonNode value = json == null ? null : json.get(field);
        if (value != null) {
          given.add(new Identifier(column, value.isTextual() ? value.asText() : ""));
        }
      });
      return given.size() == 1 && !given.get(0).value().isBlank() ? Optional.of(given.get(0)) : Optional.empty();
    } catch (JsonProcessingException | IllegalArgumentException notTheJsonAskedFor) {
      return Optional.empty();
    }
  }

  /** What the trail says was looked at, as the command line's lookup says it. */
  private static String subject(BlindIndexedColumn column) {
    return "customer records by " + column.column();
  }

  private void record(Caller caller, String role, String subject, Long records, AccessRecord.Decision decision, Instant now) {
    AccessRecord record = trail.append(AccessRecord.LOOKUP, caller.who(), role, subject, records, decision, now,
        caller.sourceIp(), caller.userAgent());
    LOG.info("customer lookup {}", decision.wire(), entry("who", caller.who()), entry("role", role),
        entry("records", records), entry("auditHash", record.hash()));
  }
}
