package io.qualityhub.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.AuditVerifier;
import io.qualityhub.reports.function.DigestArchive;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./qualityhub audit list|verify}: the hash-chained audit trail at the endpoint, which holds
 * every report access and every customer lookup, erasure and re-key. {@code list} prints it as
 * JSON Lines; {@code verify} recomputes the chain, compares it with the daily digests and names the
 * first broken link or mismatch (exit status 0 when the trail holds, 1 when it does not).
 */
final class AuditCommand {

  static final String USAGE = String.join("\n",
      "usage: qualityhub audit list [--since DATE] " + AwsTarget.USAGE,
      "       qualityhub audit verify " + AwsTarget.USAGE,
      "",
      "The audit trail is one hash chain of every look at protected data: report access (report-access)",
      "and the command line's lookup, erase and rekey. Each record has the action, the principal, the role,",
      "the time, what was looked at and, where it applies, how many records; never a value searched for.",
      "The principal is the caller's ARN from STS GetCallerIdentity, or os-user:NAME when STS did not answer.",
      "",
      "  list     prints the trail as JSON Lines, one record per line, oldest first, with sequence, time, action,",
      "           principal, role, subject, records (lookup, erase, rekey), decision, source, userAgent, hash.",
      "           --since DATE keeps records at or after DATE: YYYY-MM-DD (00:00 UTC) or an ISO-8601 instant.",
      "  verify   recomputes every hash and link and names the first broken one, then compares the records with every",
      "           Object-Locked daily digest (record count and head hash per day, each digest linked to the one before),",
      "           so records removed, rewritten or the trail emptied are found; exit 0 intact, 1 broken.");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path projectRoot;
  private final PrintStream out;

  AuditCommand(Path projectRoot, PrintStream out) {
    this.projectRoot = projectRoot;
    this.out = out;
  }

  int run(List<String> args) {
    if (!args.isEmpty() && Set.of("--help", "-h", "help").contains(args.getFirst())) {
      out.println(USAGE);
      return 0;
    }
    if (args.isEmpty() || !Set.of("verify", "list").contains(args.getFirst())) {
      throw new UsageException("audit needs the action list or verify\n" + USAGE);
    }
    String action = args.getFirst();
    Options options = Options.parse(args.subList(1, args.size()),
        action.equals("list") ? AwsTarget.optionsWith("--since") : AwsTarget.optionsWith(), Set.of(), USAGE);
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected arguments\n" + USAGE);
    }
    Optional<Instant> since = options.value("--since").map(AuditCommand::since);
    // list prints JSON Lines only: a note about a fresh emulator goes to standard error.
    try (LocalDeployment local = LocalRecords.open(projectRoot, options, action.equals("list") ? System.err : out)) {
      return action.equals("list") ? list(local, since) : verify(local, out);
    }
  }

  private int list(LocalDeployment local, Optional<Instant> since) {
    List<AccessRecord> records = trail(local).records();
    for (int i = 0; i < records.size(); i++) {
      AccessRecord record = records.get(i);
      if (since.isPresent() && record.time().isBefore(since.get())) {
        continue;
      }
      out.println(line(i + 1L, record));
    }
    return 0;
  }

  static String line(long sequence, AccessRecord record) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sequence", sequence);
    line.put("time", Instant.ofEpochMilli(record.time().toEpochMilli()).toString());
    line.put("action", record.action());
    line.put("principal", record.who());
    line.put("role", record.role());
    line.put("subject", record.reportKey());
    if (record.records() != null) {
      line.put("records", record.records());
    }
    line.put("decision", record.decision().wire());
    line.put("source", record.sourceIp());
    line.put("userAgent", record.userAgent());
    line.put("hash", record.hash());
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit record could not be written as JSON", e);
    }
  }

  private static Instant since(String value) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException("--since takes a date (2026-12-05) or an instant (2026-12-05T08:00:00Z)\n" + USAGE);
    }
  }

  private static int verify(LocalDeployment local, PrintStream out) {
    AuditVerifier.Result result = verify(local);
    if (result.intact()) {
      out.println("Audit trail verified: " + result.recordsChecked() + " records, every hash and link holds, and they match "
          + result.digestsChecked() + " daily digests.");
      return 0;
    }
    out.println("Audit trail BROKEN after checking " + result.recordsChecked() + " records: " + result.firstBroken().get());
    return 1;
  }

  static AuditVerifier.Result verify(LocalDeployment local) {
    return new AuditVerifier(trail(local), digests(local)).verify();
  }

  /** The locked daily digests, where the audit digest function writes them (its REPORTS_BUCKET under ReportsKey). */
  static DigestArchive digests(LocalDeployment local) {
    return new DigestArchive(local.clients().s3(), local.physicalId("ReportsBucket"), local.attribute("ReportsKey", "Arn"));
  }

  private static AuditTrail trail(LocalDeployment local) {
    return new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable"));
  }
}
