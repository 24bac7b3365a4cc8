package io.qualityhub.reports.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.qualityhub.reports.audit.AccessRecord.Decision.ALLOW;
import static io.qualityhub.reports.audit.AccessRecord.Decision.DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aRecordOfAnotherActionIsSealedInTheSecondFormWithItsActionAndCount() {
        AccessRecord erasure = AccessRecord.next(AccessRecord.GENESIS_HASH, AccessRecord.ERASE, "dpo-1", "privacy_officer",
                "customer/TPE-01/理賠", 12L, ALLOW, Instant.parse("2026-11-03T04:05:06.007Z"), "198.51.100.4",
                "qualityhub-cli");

        assertEquals("qualityhub-access-record/v2\nwho:5:dpo-1\nrole:15:privacy_officer\naction:5:erase\nrecords:2:12\n"
                + "reportKey:22:customer/TPE-01/理賠\ndecision:5:allow\ntime:24:2026-11-03T04:05:06.007Z\n"
                + "sourceIp:12:198.51.100.4\nuserAgent:14:qualityhub-cli\npreviousHash:64:" + "0".repeat(64) + "\n",
                new String(erasure.canonicalForm(), StandardCharsets.UTF_8));
        // independently computed: SHA-256 of the form above (Python's hashlib)
        assertEquals("ec646a462c305b9476cbe7137f8fdeba9c65752f8930f00bd29763a73adb769d", erasure.hash());
        AccessRecord lookup = AccessRecord.next(erasure.hash(), AccessRecord.LOOKUP, "agent-7", "claims_officer",
                "customer/TPE-01/理賠", null, ALLOW, Instant.parse("2026-11-03T05:00:00Z"), "198.51.100.4", "curl/8.5.0");
        assertTrue(new String(lookup.canonicalForm(), StandardCharsets.UTF_8)
                .startsWith("qualityhub-access-record/v2\nwho:7:agent-7\nrole:14:claims_officer\naction:6:lookup\nrecords:0:\n"));
        assertTrue(AuditChain.verify(List.of(erasure, lookup)).intact());
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
        assertEquals("record 3 does not follow record 2: it names previous hash " + original.hash()
                + " but the record before it has " + forged.hash() + " (a record was removed, inserted or reordered)",
                broken.describe());
        assertFalse(AuditChain.verify(records).intact(), "audit verify reports the chain broken");
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
        AuditDigest digest = AuditChain.dailyDigest(records, LocalDate.parse("2026-11-01"), TAIPEI, null);
        assertEquals(2, digest.recordCount());
        assertEquals(records.get(1).hash(), digest.headHash());
        assertTrue(digest.line().startsWith("qualityhub-audit-digest/v2 2026-11-01 2 " + records.get(1).hash() + " "
                + AccessRecord.GENESIS_HASH + " "), digest.line());

        AuditDigest before = AuditChain.dailyDigest(records, LocalDate.parse("2026-10-31"), TAIPEI, null);
        assertEquals(new AuditDigest(LocalDate.parse("2026-10-31"), 0, AccessRecord.GENESIS_HASH, AccessRecord.GENESIS_HASH),
                before);

        AuditDigest next = AuditChain.dailyDigest(records, LocalDate.parse("2026-11-02"), TAIPEI, digest);
        assertEquals(3, next.recordCount());
        assertEquals(digest.seal(), next.previousSeal(), "each day's digest links to the one before");
    }

    @Test
    void aDigestLineCarriesItsSealAndReadsBackOnlyUnaltered() {
        AuditDigest digest = new AuditDigest(LocalDate.parse("2026-11-01"), 3, "ab".repeat(32), AccessRecord.GENESIS_HASH);
        // independently computed: SHA-256 of "qualityhub-audit-digest/v2 2026-11-01 3 abab…ab 000…0"
        String seal = "0f1e6a69455ecdc7201f44baade9e7742abd26e00c6985766fae117bedaf0b7c";
        assertEquals("qualityhub-audit-digest/v2 2026-11-01 3 " + "ab".repeat(32) + " " + "0".repeat(64) + " " + seal,
                digest.line());
        assertEquals(digest, AuditDigest.parse(digest.line() + "\n"));

        AuditDigest.MalformedDigestException altered = assertThrows(AuditDigest.MalformedDigestException.class,
                () -> AuditDigest.parse(digest.line().replace(" 3 ", " 2 ")));
        assertTrue(altered.getMessage().endsWith("but it carries seal " + seal + " (the digest was altered)"),
                altered.getMessage());
        assertThrows(AuditDigest.MalformedDigestException.class, () -> AuditDigest.parse("not a digest"));

        String v1 = "qualityhub-audit-digest/v1 2026-11-01 3 " + "ab".repeat(32)
                + " feadd171a48924f9f17b4de630b721c201927c0015dc750538e21b99136e8633";
        assertEquals(new AuditDigest(LocalDate.parse("2026-11-01"), 3, "ab".repeat(32), null), AuditDigest.parse(v1),
                "digests written before the link keep reading");
    }

    @Test
    void recordsThatMatchEveryDigestPass() {
        List<AccessRecord> records = chain(5);
        assertEquals(Optional.empty(), AuditChain.checkAgainstDigests(records, digests(records)));
        List<AccessRecord> more = chain(6);
        assertEquals(Optional.empty(), AuditChain.checkAgainstDigests(more, digests(chain(5))),
                "records appended after the last digest do not disturb it");
    }

    @Test
    void removingTheLastRecordsIsFoundAlthoughTheRestOfTheChainHolds() {
        List<AccessRecord> records = chain(5);
        List<AuditDigest> digests = digests(records);
        List<AccessRecord> cut = records.subList(0, 4);
        assertTrue(AuditChain.verify(cut).intact(), "what remains hangs together");
        assertEquals(Optional.of("the digest of 2026-11-02 locked 5 records but the trail holds 4: records were removed"),
                AuditChain.checkAgainstDigests(cut, digests));
    }

    @Test
    void anEmptiedTrailIsFound() {
        assertEquals(Optional.of("the digest of 2026-11-01 locked 3 records but the trail holds 0: the trail was emptied"),
                AuditChain.checkAgainstDigests(List.of(), digests(chain(5))));
    }

    @Test
    void aRecordRewrittenAndTheChainResealedIsFoundAtTheFirstDigestAfterIt() {
        List<AccessRecord> records = chain(5);
        List<AuditDigest> digests = digests(records);
        List<AccessRecord> forged = new ArrayList<>();
        AccessRecord previous = null;
        for (AccessRecord record : records) {
            previous = AccessRecord.after(previous, record == records.get(1) ? "someone-else" : record.who(), record.role(),
                    record.reportKey(), record.decision(), record.time(), record.sourceIp(), record.userAgent());
            forged.add(previous);
        }
        assertTrue(AuditChain.verify(forged).intact(), "resealed, the chain alone holds");
        assertEquals(Optional.of("record 2 hashes to " + forged.get(2).hash() + " but the digest of 2026-11-01 locked head "
                + records.get(2).hash() + ": records up to it were removed or rewritten"),
                AuditChain.checkAgainstDigests(forged, digests));
    }

    @Test
    void aDigestMissingFromTheSequenceBreaksTheLinkOfTheNext() {
        List<AccessRecord> records = chain(5);
        AuditDigest second = digests(records).get(1);
        assertEquals(Optional.of("the digest of 2026-11-02 links to seal " + second.previousSeal()
                + " but it is the first, which links to the genesis hash " + AccessRecord.GENESIS_HASH
                + ": a daily digest is missing or was put in"),
                AuditChain.checkAgainstDigests(records, List.of(second)));
    }

    @Test
    void aDayWithoutAccessBeforeTheFirstRecordLocksNothingAndPasses() {
        List<AccessRecord> records = chain(5);
        AuditDigest quietDay = new AuditDigest(LocalDate.parse("2026-10-31"), 0, AccessRecord.GENESIS_HASH,
                AccessRecord.GENESIS_HASH);
        AuditDigest first = new AuditDigest(LocalDate.parse("2026-11-01"), 3, records.get(2).hash(), quietDay.seal());

        assertEquals(Optional.empty(), AuditChain.checkAgainstDigests(records, List.of(quietDay, first)));
        assertEquals(Optional.empty(), AuditChain.checkAgainstDigests(List.of(), List.of(quietDay)),
                "a trail that never held a record matches a digest that locked none");
    }

    /** Digests of 2026-11-01 after the third record and of 2026-11-02 after the fifth, linked. */
    private static List<AuditDigest> digests(List<AccessRecord> records) {
        AuditDigest first = new AuditDigest(LocalDate.parse("2026-11-01"), 3, records.get(2).hash(), AccessRecord.GENESIS_HASH);
        AuditDigest second = new AuditDigest(LocalDate.parse("2026-11-02"), 5, records.get(4).hash(), first.seal());
        return List.of(first, second);
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
