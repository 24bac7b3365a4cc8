package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerRecord;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.ReportAccessPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record of one customer, found by national ID number or phone number through its blind index, for the quality
 * department only. The value is never logged, audited or echoed: the audit record (written before any record is
 * returned, denials too) holds the principal, the kind of identifier and how many records were found.
 */
final class CustomerLookupService {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerLookupService.class);

  /** The records table's blind index ({@code CustomerLookup#find}). */
  interface Records {
    List<CustomerRecord> find(BlindIndexedColumn column, String value);
  }

  /** The chained access trail ({@link AuditTrail#append(String, String, String, String, Long, AccessRecord.Decision, Instant, String, String)}). */
  interface Trail {
    AccessRecord append(String action, String who, String role, String subject, Long records,
        AccessRecord.Decision decision, Instant time, String sourceIp, String userAgent);
  }

  /** What the caller is told. */
  sealed interface Answer permits Found, Refused {}

  /** The customer's records, each as the portal lists it. */
  record Found(List<Map<String, Object>> records) implements Answer {}

  /** A refusal with its HTTP status and the message the caller reads. */
  record Refused(int status, String message) implements Answer {}

  private final Records records;
  private final Trail trail;

  CustomerLookupService(Records records, Trail trail) {
    this.records = records;
    this.trail = trail;
  }

  /** The answer to {@code caller}'s lookup by {@code asked} (empty when the request named no one identifier). */
  Answer lookUp(Caller caller, Optional<CustomerIdentifier> asked, Instant now) {
    // A denial names the kind of identifier asked by, when the body says it, never the value.
    String subject = asked.map(identifier -> subject(identifier.column())).orElse("customer records");
    if (caller.problem().isPresent()) {
      record(caller, "none", subject, null, AccessRecord.Decision.DENY, now);
      return new Refused(401, caller.problem().get());
    }
    if (!caller.groups().contains(ReportAccessPolicy.QUALITY)) {
      record(caller, String.join(" ", caller.groups().stream().sorted().toList()), subject, null, AccessRecord.Decision.DENY, now);
      return new Refused(403, "customer lookups are for the quality department; this request is on the audit trail");
    }
    if (asked.isEmpty()) {
      return new Refused(400, "give the customer's ID number as {\"idNo\": \"...\"} or phone number as"
          + " {\"phone\": \"...\"} in the request body, one of the two");
    }
    List<CustomerRecord> found = records.find(asked.get().column(), asked.get().value());
    // On the trail before anything is returned: if it cannot be written, the records are not shown.
    record(caller, ReportAccessPolicy.QUALITY, subject, (long) found.size(), AccessRecord.Decision.ALLOW, now);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CustomerRecord record : found) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", record.type().wireName());
      row.put("branch", record.branch());
      row.put("recordId", record.recordId());
      row.put("date", String.valueOf(record.date() == null ? record.businessDate() : record.date()));
      row.put("status", record.status());
      row.put("customerName", record.customerName());
      rows.add(row);
    }
    return new Found(rows);
  }

  /** What the trail says was looked at, as the command line's lookup says it. */
  private static String subject(BlindIndexedColumn column) {
    return "customer records by " + column.column();
  }

  private void record(Caller caller, String role, String subject, Long count, AccessRecord.Decision decision, Instant now) {
    AccessRecord record = trail.append(AccessRecord.LOOKUP, caller.who(), role, subject, count, decision, now,
        caller.sourceIp(), caller.userAgent());
    LOG.info("customer lookup {}", decision.wire(), entry("who", caller.who()), entry("role", role),
        entry("records", count), entry("auditHash", record.hash()));
  }
}
