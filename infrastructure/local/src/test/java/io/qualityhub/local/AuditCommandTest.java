package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.reports.audit.AccessRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The audit command's help and line format, and how the command line names the caller's role; no emulator. */
class AuditCommandTest {

  @Test
  void helpNamesBothActionsTheFieldsAndWhereThePrincipalComesFrom() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = QualityHubCli.run(new String[] {"audit", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String help = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, help);
    for (String expected : new String[] {"audit list [--since DATE]", "audit verify", "report-access", "lookup, erase and rekey",
        "STS GetCallerIdentity", "os-user:NAME", "never a value searched for", "JSON Lines"}) {
      assertTrue(help.contains(expected), expected + " in\n" + help);
    }
  }

  @Test
  void aLineIsOneJsonObjectWithRecordsOnlyWhereTheyApply() {
    AccessRecord lookup = AccessRecord.next(AccessRecord.GENESIS_HASH, AccessRecord.LOOKUP, "arn:aws:sts::1:assumed-role/Quality/ann",
        "Quality", "customer records by customer_id_no", 3L, AccessRecord.Decision.ALLOW, Instant.parse("2026-12-05T08:00:00Z"),
        CliAudit.SOURCE, "qualityhub lookup");
    assertEquals("{\"sequence\":7,\"time\":\"2026-12-05T08:00:00Z\",\"action\":\"lookup\",\"principal\":"
        + "\"arn:aws:sts::1:assumed-role/Quality/ann\",\"role\":\"Quality\",\"subject\":\"customer records by customer_id_no\","
        + "\"records\":3,\"decision\":\"allow\",\"source\":\"command-line\",\"userAgent\":\"qualityhub lookup\",\"hash\":\""
        + lookup.hash() + "\"}", AuditCommand.line(7, lookup));
    AccessRecord report = AccessRecord.next(lookup.hash(), "sub-1", "auditor", "reports/x.pdf", AccessRecord.Decision.DENY,
        Instant.parse("2026-12-05T08:00:01Z"), "10.0.0.1", "curl");
    assertTrue(AuditCommand.line(8, report).contains("\"action\":\"report-access\",\"principal\":\"sub-1\""));
    assertTrue(!AuditCommand.line(8, report).contains("\"records\""));
  }

  @Test
  void theRoleComesFromAnAssumedRoleOrRoleArnAndIsUnknownOtherwise() {
    assertEquals("QualityStaff", CliAudit.roleOf("arn:aws:sts::123456789012:assumed-role/QualityStaff/ann"));
    assertEquals("KeyOperator", CliAudit.roleOf("arn:aws:iam::123456789012:role/ops/KeyOperator"));
    assertEquals("unknown", CliAudit.roleOf("arn:aws:iam::123456789012:user/moto"));
  }

  @Test
  void aReportAccessRecordKeepsItsV1HashSoStoredChainsStillVerify() {
    AccessRecord v1 = AccessRecord.next(AccessRecord.GENESIS_HASH, "sub-1", "auditor", "reports/x.pdf", AccessRecord.Decision.ALLOW,
        Instant.parse("2026-12-05T08:00:00Z"), "10.0.0.1", "curl");
    assertTrue(new String(v1.canonicalForm(), StandardCharsets.UTF_8).startsWith("qualityhub-access-record/v1\nwho:5:sub-1\nrole:"));
    AccessRecord other = AccessRecord.next(AccessRecord.GENESIS_HASH, AccessRecord.ERASE, "sub-1", "auditor", "x", 2L,
        AccessRecord.Decision.ALLOW, Instant.parse("2026-12-05T08:00:00Z"), "10.0.0.1", "curl");
    assertTrue(new String(other.canonicalForm(), StandardCharsets.UTF_8).contains("action:5:erase\nrecords:1:2\n"));
  }
}
