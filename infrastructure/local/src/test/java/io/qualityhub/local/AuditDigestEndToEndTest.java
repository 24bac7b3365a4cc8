package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.AuditDigest;
import io.qualityhub.reports.function.AuditDigestHandler;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.DigestArchive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 13, item 5 on the emulator: {@code audit verify} compares the trail with the Object-Locked
 * daily digests, so removing records, rewriting and re-sealing them, or emptying the trail fails it
 * although what remains of the chain hangs together; a day's digest is written once, linked to the
 * day before.
 */
class AuditDigestEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final LocalDate FIRST_DAY = LocalDate.parse("2026-11-01");
  private static final LocalDate SECOND_DAY = LocalDate.parse("2026-11-02");

  private static LocalDeployment local;
  private static String table;
  private static DigestArchive archive;
  private static AuditDigestHandler digests;
  private static List<Map<String, AttributeValue>> original;

  /** Three records on 2026-11-01 and two on 2026-11-02 (Taipei), each day's digest written after it. */
  @BeforeAll
  static void recordTwoDaysAndTheirDigests() {
    System.setProperty("qualityhub.root", ROOT.toString());
    local = LocalDeployment.open(ROOT, Optional.empty());
    table = local.physicalId("ReportsTable");
    AuditTrail trail = new AuditTrail(local.clients().dynamoDb(), table);
    archive = DigestArchive.of(local.settingsOf("AuditDigestFunction"), local.clients().s3());
    digests = new AuditDigestHandler(local.settingsOf("AuditDigestFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-11-03T00:00:00Z"), ZoneOffset.UTC));
    for (String time : List.of("2026-11-01T01:00:00Z", "2026-11-01T02:00:00Z", "2026-11-01T03:00:00Z")) {
      trail.append("auditor-1", "auditor", "reports/2026-10/company/r.pdf", AccessRecord.Decision.ALLOW, Instant.parse(time),
          "203.0.113.7", "test");
    }
    digests.write(FIRST_DAY);
    for (String time : List.of("2026-11-02T01:00:00Z", "2026-11-02T02:00:00Z")) {
      trail.append("auditor-2", "auditor", "reports/2026-10/company/r.pdf", AccessRecord.Decision.ALLOW, Instant.parse(time),
          "203.0.113.8", "test");
    }
    digests.write(SECOND_DAY);
    original = auditItems();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void auditVerifyFailsWhenRecordsAreRemovedRewrittenOrTheTrailEmptied() {
    assertEquals(new Run(0, "Audit trail verified: 5 records, every hash and link holds, and they match 2 daily digests.\n"),
        verify());

    try {
      // the last record removed and the head moved back to the one before: the chain alone still holds
      deleteItem("REC#000000000005");
      putHead(4, recordHash(3));
      assertEquals(new Run(1, "Audit trail BROKEN after checking 4 records: daily digests: the digest of 2026-11-02"
          + " locked 5 records but the trail holds 4: records were removed\n"), verify());
    } finally {
      restore();
    }

    try {
      // the second record rewritten to another auditor and every hash after it recomputed
      List<Map<String, AttributeValue>> forged = resealedWithSecondRecordBy("someone-else");
      assertEquals(new Run(1, "Audit trail BROKEN after checking 5 records: daily digests: record 2 hashes to "
          + forged.get(2).get("hash").s() + " but the digest of 2026-11-01 locked head " + recordHash(2)
          + ": records up to it were removed or rewritten\n"), verify());
    } finally {
      restore();
    }

    try {
      auditItems().forEach(item -> deleteItem(item.get("sk").s()));
      assertEquals(new Run(1, "Audit trail BROKEN after checking 0 records: daily digests: the digest of 2026-11-01"
          + " locked 3 records but the trail holds 0: the trail was emptied\n"), verify());
    } finally {
      restore();
    }
    assertEquals(0, verify().status(), "restored, the trail matches its digests again");
  }

  @Test
  void aDaysDigestIsWrittenOnceLinkedToTheDayBeforeAndNoEarlierDayIsPutIn() {
    AuditDigest first = archive.read(FIRST_DAY).digest().orElseThrow();
    AuditDigest second = archive.read(SECOND_DAY).digest().orElseThrow();
    assertEquals(3, first.recordCount());
    assertEquals(recordHash(2), first.headHash());
    assertEquals(AccessRecord.GENESIS_HASH, first.previousSeal());
    assertEquals(5, second.recordCount());
    assertEquals(recordHash(4), second.headHash());
    assertEquals(first.seal(), second.previousSeal(), "the second day's digest links to the first's");

    assertFalse(archive.writeFirst(new AuditDigest(FIRST_DAY, 0, AccessRecord.GENESIS_HASH, AccessRecord.GENESIS_HASH)),
        "a second write of the day is refused");
    assertEquals("audit/digests/2026-11-01.txt", digests.write(FIRST_DAY), "a repeated run answers as the first did");
    assertEquals(first, archive.read(FIRST_DAY).digest().orElseThrow(), "the first digest is kept");
    assertEquals(1, local.clients().s3().listObjectVersions(request -> request.bucket(local.physicalId("ReportsBucket"))
        .prefix("audit/digests/2026-11-01.txt")).versions().size(), "no second version was stored beside it");

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> digests.write(LocalDate.parse("2026-10-31")));
    assertEquals("the audit digest of 2026-10-31 cannot be written: the digest of 2026-11-01 is already locked and links"
        + " to the one before it, so 2026-10-31 stays without a digest", refused.getMessage());
  }

  // ---------------------------------------------------------------------------------------------

  private record Run(int status, String stdout) {
  }

  private static Run verify() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = QualityHubCli.run(new String[] {"audit", "verify", "--endpoint", local.endpoint().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8));
  }

  /** Rewrites the second record's principal and re-seals it and every record after it, head included. */
  private static List<Map<String, AttributeValue>> resealedWithSecondRecordBy(String who) {
    List<Map<String, AttributeValue>> forged = new ArrayList<>();
    String previousHash = AccessRecord.GENESIS_HASH;
    for (Map<String, AttributeValue> item : original) {
      if (!item.get("sk").s().startsWith("REC#")) {
        continue;
      }
      Map<String, AttributeValue> copy = new HashMap<>(item);
      if (item.get("sk").s().equals("REC#000000000002")) {
        copy.put("who", AttributeValue.fromS(who));
      }
      AccessRecord resealed = AccessRecord.next(previousHash, copy.get("who").s(), copy.get("role").s(),
          copy.get("reportKey").s(), AccessRecord.Decision.ALLOW, Instant.parse(copy.get("time").s()),
          copy.get("sourceIp").s(), copy.get("userAgent").s());
      copy.put("previousHash", AttributeValue.fromS(previousHash));
      copy.put("hash", AttributeValue.fromS(resealed.hash()));
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(copy));
      forged.add(copy);
      previousHash = resealed.hash();
    }
    putHead(forged.size(), previousHash);
    return forged;
  }

  /** The stored hash of the record at {@code index} (0-based) as the trail was first written. */
  private static String recordHash(int index) {
    return original.stream().filter(item -> item.get("sk").s().startsWith("REC#")).toList().get(index).get("hash").s();
  }

  private static void putHead(long sequence, String hash) {
    local.clients().dynamoDb().putItem(request -> request.tableName(table).item(Map.of("pk", AttributeValue.fromS("AUDIT"),
        "sk", AttributeValue.fromS("HEAD"), "sequence", AttributeValue.fromN(Long.toString(sequence)),
        "hash", AttributeValue.fromS(hash))));
  }

  private static void deleteItem(String sk) {
    local.clients().dynamoDb().deleteItem(request -> request.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("AUDIT"), "sk", AttributeValue.fromS(sk))));
  }

  private static void restore() {
    auditItems().forEach(item -> deleteItem(item.get("sk").s()));
    original.forEach(item -> local.clients().dynamoDb().putItem(request -> request.tableName(table).item(item)));
  }

  /** Every item of the trail: the head, then the records in chain order. */
  private static List<Map<String, AttributeValue>> auditItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    local.clients().dynamoDb().queryPaginator(request -> request.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("AUDIT"))))
        .items().forEach(items::add);
    return items;
  }
}
