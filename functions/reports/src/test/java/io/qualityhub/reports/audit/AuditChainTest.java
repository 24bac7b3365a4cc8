package io.qualityhub.reports.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.qualityhub.reports.audit.AccessRecord.Decision.ALLOW;
import static io.qualityhub.reports.audit.AccessRecord.Decision.DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Test
    void theCanonicalFormAndItsHashAreStable() {
        AccessRecord record = AccessRecord.after(null, "auditor-1", "auditor",
                "reports/2026-10/company/quality-report_2026-10_company.pdf", ALLOW,
                Instant.parse("2026-11-01T02:03:04.005Z"), "203.0.113.7", "curl/8.5.0");
        assertEquals(AccessRecord.GENESIS_HASH, record.previousHash());
        // independently computed: SHA-256 of the length-prefixed form documented on canonicalForm()
        assertEquals("66688d4d2ad3a5b6ba894723ec21528127091c1ec1dedc4b51847ace85bd48fa", record.hash());
        assertTrue(new String(record.canonicalForm(), StandardCharsets.UTF_8)
                .contains("\nuserAgent:10:curl/8.5.0\n"));
    }

    @Test
    void lengthPrefixesKeepFieldsFromRunningIntoEachOther() {
        Instant time = Instant.parse("2026-11-01T02:03:04Z");
        AccessRecord a = AccessRecord.after(null, "ab", "c", "k", ALLOW, time, "1.1.1.1", "ua");
        AccessRecord b = AccessRecord.after(null, "a", "bc", "k", ALLOW, time, "1.1.1.1", "ua");
        assertNotEquals(a.hash(), b.hash());
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerification result = AuditChain.verify(chain(5));
        assertTrue(result.intact());
        assertEquals(5, result.recordsChecked());
    }

    @Test
    void editingAMiddleRecordIsReportedAtThatRecord() {
        List<AccessRecord> records = chain(5);
        AccessRecord original = records.get(2);
        // a denial rewritten as an allowance, stored hash left as it was
        records.set(2, new AccessRecord(original.who(), original.role(), original.reportKey(),
                original.decision() == ALLOW ? DENY : ALLOW, original.time(),
                original.sourceIp(), original.userAgent(), original.previousHash(), original.hash()));

        ChainVerification.BrokenLink broken = AuditChain.verify(records).firstBroken().orElseThrow();
        assertEquals(2, broken.index());
        assertEquals(ChainVerification.BrokenLink.Problem.CONTENT_ALTERED, broken.problem());
        assertEquals(original.hash(), broken.actual());
        assertTrue(broken.describe().startsWith("record 2 was altered"), broken.describe());
    }

    @Test
    void editingAndResealingAMiddleRecordBreaksTheNextLink() {
        List<AccessRecord> records = chain(5);
        AccessRecord original = records.get(2);
        AccessRecord forged = AccessRecord.next(original.previousHash(), "someone-else", original.role(),
                original.reportKey(), original.decision(), original.time(), original.sourceIp(), original.userAgent());
        records.set(2, forged);

        ChainVerification.BrokenLink broken = AuditChain.verify(records).firstBroken().orElseThrow();
        assertEquals(3, broken.index());
        assertEquals(ChainVerification.BrokenLink.Problem.LINK_BROKEN, broken.problem());
        assertEquals(forged.hash(), broken.expected());
        assertEquals(original.hash(), broken.actual());
    }

    @Test
    void removingARecordBreaksTheLinkWhereItWas() {
        List<AccessRecord> records = chain(5);
        records.remove(1);
        ChainVerification.BrokenLink broken = AuditChain.verify(records).firstBroken().orElseThrow();
        assertEquals(1, broken.index());
        assertEquals(ChainVerification.BrokenLink.Problem.LINK_BROKEN, broken.problem());
        assertTrue(broken.describe().contains("a record was removed, inserted or reordered"));
    }

    @Test
    void theDailyDigestNamesTheLastRecordOfTheLocalDay() {
        List<AccessRecord> records = new ArrayList<>();
        AccessRecord previous = null;
        // 2026-11-01 23:59 and 2026-11-02 00:01 Taipei time
        for (String time : List.of("2026-11-01T01:00:00Z", "2026-11-01T15:59:00Z", "2026-11-01T16:01:00Z")) {
            previous = AccessRecord.after(previous, "auditor-1", "auditor", "reports/x.pdf", ALLOW, Instant.parse(time),
                    "203.0.113.7", "ua");
            records.add(previous);
        }
        AuditDigest digest = AuditChain.dailyDigest(records, LocalDate.parse("2026-11-01"), TAIPEI);
        assertEquals(2, digest.recordCount());
        assertEquals(records.get(1).hash(), digest.headHash());
        assertTrue(digest.line().startsWith("qualityhub-audit-digest/v1 2026-11-01 2 " + records.get(1).hash() + " "));

        AuditDigest before = AuditChain.dailyDigest(records, LocalDate.parse("2026-10-31"), TAIPEI);
        assertEquals(new AuditDigest(LocalDate.parse("2026-10-31"), 0, AccessRecord.GENESIS_HASH), before);
    }

    private static List<AccessRecord> chain(int size) {
        List<AccessRecord> records = new ArrayList<>();
        AccessRecord previous = null;
        for (int i = 0; i < size; i++) {
            previous = AccessRecord.after(previous, i % 2 == 0 ? "auditor-1" : "manager-7",
                    i % 2 == 0 ? "auditor" : "branch-manager:KHH-02", "reports/2026-10/TPE-01/report-" + i + ".pdf",
                    i % 2 == 0 ? ALLOW : DENY, Instant.parse("2026-11-01T02:00:00Z").plusSeconds(60L * i),
                    "203.0.113." + i, "Mozilla/5.0 (test)");
            records.add(previous);
        }
        return records;
    }
}
