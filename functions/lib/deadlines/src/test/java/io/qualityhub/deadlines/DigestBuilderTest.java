package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ActionStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestBuilderTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private static final Instant RUN = at("2026-11-24T08:00");
    private static final RecipientsDirectory DIRECTORY = RecipientsDirectory.load(new ByteArrayInputStream("""
            {"defaults": {"head_office_quality": ["hq-quality@example.com"],
                          "department_head:claims": ["claims-head@example.com"],
                          "department_head:complaints": ["service-head@example.com"],
                          "department_head:quality": ["quality-head@example.com"]},
             "branches": {"TPE-01": {"branch_manager": ["tpe01-manager@example.com"]},
                          "KHH-02": {"branch_manager": ["khh02-manager@example.com"]}},
             "languages": {"claims-head@example.com": "en", "quality-head@example.com": "zh-Hant"}}
            """.getBytes(StandardCharsets.UTF_8)));
    /** TPE-01 has names; KHH-02 is not listed, so it is shown by its code alone. */
    private static final BranchDirectory BRANCHES = BranchDirectory.load(new ByteArrayInputStream("""
            {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1", "region": "北區"}}}
            """.getBytes(StandardCharsets.UTF_8)));

    private final DeadlineCalculator calculator = new DeadlineCalculator(POLICY);
    private final AlertLevels levels = new AlertLevels(POLICY);

    private static final List<ClaimSnapshot> CLAIMS = List.of(
            ClaimSnapshot.builder().branch("TPE-01").claimId("CLM-0001").productLine(ProductLine.HEALTH)
                    .complexity(Complexity.SIMPLE).status(ClaimStatus.UNDER_REVIEW).reportedAt(at("2026-10-28T09:00"))
                    .documentsCompleteAt(at("2026-11-02T10:00")).handlerId("H-17").build(),
            ClaimSnapshot.builder().branch("TPE-01").claimId("CLM-0002").productLine(ProductLine.AUTO)
                    .complexity(Complexity.COMPLEX).greenChannel(true).status(ClaimStatus.INVESTIGATING)
                    .reportedAt(at("2026-11-10T09:00")).documentsCompleteAt(at("2026-11-15T11:00")).handlerId("H-3")
                    .build(),
            ClaimSnapshot.builder().branch("KHH-02").claimId("K/77").productLine(ProductLine.LIFE)
                    .complexity(Complexity.COMPLEX).status(ClaimStatus.UNDER_REVIEW).reportedAt(at("2026-11-01T09:00"))
                    .documentsCompleteAt(at("2026-11-05T14:00")).handlerId("H-9").build());
    private static final List<ComplaintSnapshot> COMPLAINTS = List.of(
            ComplaintSnapshot.builder().branch("KHH-02").complaintId("CP-31").severity(ComplaintSeverity.MAJOR)
                    .status(ComplaintStatus.OPEN).receivedAt(at("2026-11-23T12:00")).build());
    private static final List<CorrectiveActionSnapshot> ACTIONS = List.of(
            new CorrectiveActionSnapshot("TPE-01", "INS-8/2", "INS-8", "Q-5", LocalDate.parse("2026-11-10"),
                    LocalDate.parse("2026-11-20"), ActionStatus.OPEN));

    private List<Alert> alertsAtRun() {
        List<OpenDeadline> open = new ArrayList<>();
        CLAIMS.forEach(claim -> open.addAll(calculator.openDeadlines(claim)));
        COMPLAINTS.forEach(complaint -> open.addAll(calculator.openDeadlines(complaint)));
        ACTIONS.forEach(action -> open.addAll(calculator.openDeadlines(action)));
        return open.stream().flatMap(deadline -> levels.alertAt(deadline, RUN).stream()).toList();
    }

    private List<Digest> digests() {
        Routing routing = new AlertRouter(DIRECTORY).route(alertsAtRun());
        assertEquals(List.of(), routing.missing());
        return new DigestBuilder(POLICY.timeZone(), BRANCHES, DIRECTORY).build(routing.deliveries(), RUN);
    }

    private static Digest digestFor(List<Digest> digests, String recipient) {
        return digests.stream().filter(digest -> digest.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    @Test
    void oneDigestPerRecipient() {
        assertEquals(List.of("claims-head@example.com", "hq-quality@example.com", "khh02-manager@example.com",
                "quality-head@example.com", "tpe01-manager@example.com"),
                digests().stream().map(Digest::recipient).toList());
    }

    @Test
    void theBranchManagerReadsTraditionalChineseFirstThenEnglishWithLevelsMostUrgentFirst() {
        Digest digest = digestFor(digests(), "tpe01-manager@example.com");

        assertEquals("QualityHub 期限提醒 2026年11月24日：嚴重逾期 1 件、逾期 1 件、即將到期 1 件"
                + " / QualityHub deadlines 2026-11-24: 1 severely overdue, 1 overdue, 1 approaching", digest.subject());
        assertEquals("""
                QualityHub 期限提醒：tpe01-manager@example.com
                執行時間 2026年11月24日 08:00（Asia/Taipei），共 3 件提醒：嚴重逾期 1 件、逾期 1 件、即將到期 1 件。
                每件案件於每個等級只提醒一次；編號依分公司上傳原樣列出。

                嚴重逾期：1 件
                  TPE-01 台北一分公司：1 件
                    - 理賠 | CLM-0001 | 理賠核定（claim.decision） | 健康險、簡易案件 | 期限 2026年11月12日當日結束 | 時限 10 個日曆日，已用 22 個日曆日，已逾 12 個日曆日 | 承辦人 H-17

                逾期：1 件
                  TPE-01 台北一分公司：1 件
                    - 整改措施 | INS-8/2 | 整改期限（action.due） | 抽查 INS-8 | 期限 2026年11月20日當日結束 | 時限 10 個日曆日，已用 14 個日曆日，已逾 4 個日曆日 | 負責人 Q-5

                即將到期：1 件
                  TPE-01 台北一分公司：1 件
                    - 理賠 | CLM-0002 | 理賠核定（claim.decision） | 汽車險、複雜案件、綠色通道 | 期限 2026年11月25日當日結束 | 時限 10 個日曆日，已用 9 個日曆日 | 承辦人 H-3

                ----------------------------------------

                QualityHub deadline digest for tpe01-manager@example.com
                Run 2026-11-24 08:00 (Asia/Taipei), 3 alerts: 1 severely overdue, 1 overdue, 1 approaching.
                Each item is reported once per level; ids are as the branch sent them.

                SEVERELY OVERDUE: 1
                  TPE-01 Taipei Branch 1: 1
                    - claim | CLM-0001 | claim.decision | health, simple | due by end of 2026-11-12 | 22 calendar days used of 10 allowed, 12 calendar days late | handler H-17

                OVERDUE: 1
                  TPE-01 Taipei Branch 1: 1
                    - action | INS-8/2 | action.due | inspection INS-8 | due by end of 2026-11-20 | 14 calendar days used of 10 allowed, 4 calendar days late | owner Q-5

                APPROACHING: 1
                  TPE-01 Taipei Branch 1: 1
                    - claim | CLM-0002 | claim.decision | auto, complex, green channel | due by end of 2026-11-25 | 9 calendar days used of 10 allowed | handler H-3
                """, digest.text());
        assertTrue(digest.html().startsWith("<!DOCTYPE html>\n<html lang=\"zh-Hant\">"), digest.html());
        assertTrue(digest.html().indexOf("<section lang=\"zh-Hant\">") < digest.html().indexOf("<section lang=\"en\">"),
                "Chinese first, English after it");
        assertTrue(digest.html().contains("<h3>TPE-01 台北一分公司：1 件</h3>"), digest.html());
        assertEquals(List.of(
                new AlertRecord("severely_overdue", "tpe01-manager@example.com", "claim", "claim.decision", "TPE-01", List.of("CLM-0001")),
                new AlertRecord("overdue", "tpe01-manager@example.com", "action", "action.due", "TPE-01", List.of("INS-8/2")),
                new AlertRecord("approaching", "tpe01-manager@example.com", "claim", "claim.decision", "TPE-01", List.of("CLM-0002"))),
                digest.records(), "the machine-readable records keep codes, whatever the language");
    }

    @Test
    void aRecipientWhoAskedForOneLanguageGetsOnlyThatOne() {
        Digest english = digestFor(digests(), "claims-head@example.com");
        Digest chinese = digestFor(digests(), "quality-head@example.com");

        assertEquals("QualityHub deadlines 2026-11-24: 1 severely overdue", english.subject());
        assertTrue(english.text().startsWith("QualityHub deadline digest for claims-head@example.com\n"), english.text());
        assertFalse(english.text().contains("期限"), english.text());
        assertTrue(english.html().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), english.html());
        assertTrue(chinese.text().startsWith("QualityHub 期限提醒：quality-head@example.com\n"), chinese.text());
        assertFalse(chinese.text().contains("deadline digest"), chinese.text());
        assertFalse(chinese.subject().contains("deadlines"), chinese.subject());
    }

    @Test
    void aLanguageTheDigestsAreNotWrittenInIsRefusedByItsJsonPath() {
        InvalidRecipientsDirectoryException refused = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRecipientsDirectoryException.class, () -> RecipientsDirectory.load(new ByteArrayInputStream("""
                        {"defaults": {"head_office_quality": ["hq-quality@example.com"]}, "branches": {},
                         "languages": {"hq-quality@example.com": "ja", "not an address": "en"}}
                        """.getBytes(StandardCharsets.UTF_8))));

        assertEquals(List.of("$.languages.hq-quality@example.com: 'ja' is not one of zh-Hant+en, zh-Hant, en",
                "$.languages.not an address: not an e-mail address"), refused.problems());
    }

    @Test
    void countsReadNaturallyInBothLanguagesWhateverTheNumber() {
        OpenDeadline oneDay = new OpenDeadline(ItemType.COMPLAINT, "CP-9", "KHH-02", DeadlineClockName.RESOLUTION,
                at("2026-11-22T10:00"), at("2026-11-23T10:00"), DeadlineLimit.of(1, LimitUnit.CALENDAR_DAYS), "major",
                "S-1", true);
        OpenDeadline oneBusinessDay = new OpenDeadline(ItemType.UPLOAD, "KHH-02/claims/2026-11-20", "KHH-02",
                DeadlineClockName.UPLOAD, at("2026-11-20T00:00"), at("2026-11-23T12:00"),
                DeadlineLimit.of(1, LimitUnit.BUSINESS_DAYS), "claims file", null, false);
        List<Delivery> deliveries = List.of(
                new Delivery("khh02-manager@example.com", Role.BRANCH_MANAGER, new Alert(oneDay, AlertLevel.OVERDUE, 2, 1)),
                new Delivery("khh02-manager@example.com", Role.BRANCH_MANAGER,
                        new Alert(oneBusinessDay, AlertLevel.DUE, 1, 0)));

        String text = new DigestBuilder(POLICY.timeZone(), BRANCHES, DIRECTORY).build(deliveries, RUN).get(0).text();

        assertTrue(text.contains("  分公司 KHH-02：1 件\n"
                + "    - 申訴 | CP-9 | 申訴處理完成（complaint.resolution） | 重大 | 期限 2026年11月23日 10:00"
                + " | 時限 1 個日曆日，已用 2 個日曆日，已逾 1 個日曆日 | 處理人員 S-1\n"), text);
        assertTrue(text.contains("    - 上傳檔案 | KHH-02/claims/2026-11-20 | 上傳截止（upload.cutoff） | claims 檔案"
                + " | 期限 2026年11月23日 12:00 | 時限 1 個營業日，已用 1 個營業日 | 未指派\n"), text);
        assertTrue(text.contains("  Branch KHH-02: 1\n"
                + "    - complaint | CP-9 | complaint.resolution | major | due 2026-11-23 10:00"
                + " | 2 calendar days used of 1 allowed, 1 calendar day late | staff S-1\n"), text);
        assertTrue(text.contains("    - upload | KHH-02/claims/2026-11-20 | upload.cutoff | claims file | due 2026-11-23 12:00"
                + " | 1 business day used of 1 allowed | unassigned\n"), text);
    }

    @Test
    void headOfficeQualitySeesBranchesGroupedUnderEachLevel() {
        Digest digest = digestFor(digests(), "hq-quality@example.com");

        assertEquals("QualityHub 期限提醒 2026年11月24日：嚴重逾期 1 件、即將到期 1 件"
                + " / QualityHub deadlines 2026-11-24: 1 severely overdue, 1 approaching", digest.subject());
        assertTrue(digest.text().contains("""
                嚴重逾期：1 件
                  TPE-01 台北一分公司：1 件
                    - 理賠 | CLM-0001 |"""), digest.text());
        assertTrue(digest.text().contains("""
                即將到期：1 件
                  分公司 KHH-02：1 件
                    - 申訴 | CP-31 | 申訴首次回覆（complaint.first_response） | 重大 | 期限 2026年11月24日 12:00 | 時限 24 小時，已用 21 小時 | 未指派
                """), digest.text());
        assertTrue(digest.text().contains("""
                SEVERELY OVERDUE: 1
                  TPE-01 Taipei Branch 1: 1
                    - claim | CLM-0001 |"""), digest.text());
        assertTrue(digest.text().contains("""
                APPROACHING: 1
                  Branch KHH-02: 1
                    - complaint | CP-31 | complaint.first_response | major | due 2026-11-24 12:00 | 21 hours used of 24 allowed | unassigned
                """), digest.text());
        assertEquals(List.of(
                new AlertRecord("severely_overdue", "hq-quality@example.com", "claim", "claim.decision", "TPE-01", List.of("CLM-0001")),
                new AlertRecord("approaching", "hq-quality@example.com", "complaint", "complaint.first_response", "KHH-02", List.of("CP-31"))),
                digest.records());
    }

    @Test
    void htmlEscapesEveryValueAndTextCannotBeSplitByAnId() {
        OpenDeadline deadline = new OpenDeadline(ItemType.CLAIM, "<b>A&B\"'\nFAKE LINE", "TPE-01",
                DeadlineClockName.DECISION, at("2026-11-02T10:00"), at("2026-11-13T00:00"),
                DeadlineLimit.of(10, LimitUnit.CALENDAR_DAYS), "health, simple", "H-1", false);
        Delivery delivery = new Delivery("tpe01-manager@example.com", Role.BRANCH_MANAGER,
                new Alert(deadline, AlertLevel.DUE, 10, 0));

        Digest digest = new DigestBuilder(POLICY.timeZone(), BranchDirectory.EMPTY, DIRECTORY).build(List.of(delivery), RUN)
                .get(0);

        assertTrue(digest.html().contains("<td>&lt;b&gt;A&amp;B&quot;&#39;?FAKE LINE</td>"), digest.html());
        assertFalse(digest.html().contains("<b>A"));
        assertTrue(digest.text().contains("    - claim | <b>A&B\"'?FAKE LINE | claim.decision |"), digest.text());
        assertTrue(digest.text().contains("    - 理賠 | <b>A&B\"'?FAKE LINE | 理賠核定（claim.decision） |"), digest.text());
        assertFalse(digest.text().contains("\nFAKE LINE"));
        assertEquals(List.of("<b>A&B\"'\nFAKE LINE"), digest.records().get(0).itemIds(),
                "the machine-readable record keeps the id exactly as the branch sent it");
    }

    @Test
    void noRunWithoutAlertsMeansNoDigest() {
        assertEquals(List.of(), new DigestBuilder(POLICY.timeZone(), BranchDirectory.EMPTY, DIRECTORY).build(List.of(), RUN));
    }

    /** Every word of every digest is either template wording or a value the snapshots and directory supplied. */
    @Test
    void nothingOutsideTheInputsAppearsInAnyDigest() {
        Set<String> allowed = new HashSet<>(words("""
                QualityHub deadline digest for For Run Asia/Taipei alerts alert Each item is reported once per level
                ids are as the branch sent them Branch SEVERELY OVERDUE DUE APPROACHING Severely Overdue Due Approaching severely overdue due
                approaching deadlines of calendar business days day hours hour used late by end unassigned
                handler staff owner claim complaint action decision documents payment first response resolution
                inspection green channel Item Id Clock Product kind Used Assignee DOCTYPE html head meta
                charset utf-8 title body h1 h2 h3 p table border cellpadding tr th td allowed section lang zh Hant en
                期限提醒 執行時間 共 件提醒 每件案件於每個等級只提醒一次 編號依分公司上傳原樣列出 件 分公司 年 月 日 當日結束 日當日結束
                即將到期 到期 逾期 嚴重逾期 理賠 申訴 整改措施 上傳檔案 理賠文件齊備 理賠核定 拒賠通知 理賠給付 先行給付
                申訴首次回覆 申訴處理完成 整改期限 上傳截止 整改成效複查 壽險 健康險 傷害險 財產險 汽車險 簡易案件 複雜案件
                綠色通道 一般 重大 抽查 檔案 期限 時限 個日曆日 個營業日 小時 已用 已逾 未指派 承辦人 處理人員 負責人 上傳人員
                類別 編號 險種 類型 已用時間 台北一分公司 Taipei Branch
                """));
        CLAIMS.forEach(claim -> allowed.addAll(words(claim.branch() + " " + claim.claimId() + " "
                + claim.productLine().wireName() + " " + claim.complexity().wireName() + " " + claim.handlerId())));
        COMPLAINTS.forEach(complaint -> allowed.addAll(words(complaint.branch() + " " + complaint.complaintId() + " "
                + complaint.severity().wireName())));
        ACTIONS.forEach(action -> allowed.addAll(words(action.branch() + " " + action.actionId() + " "
                + action.inspectionId() + " " + action.owner())));
        Set<String> unexpected = new TreeSet<>();
        for (Digest digest : digests()) {
            allowed.addAll(words(digest.recipient()));
            for (String body : List.of(digest.subject(), digest.text(), digest.html())) {
                for (String word : words(body)) {
                    if (!allowed.contains(word) && !word.matches("\\d+")) {
                        unexpected.add(word);
                    }
                }
            }
        }
        assertEquals(Set.of(), unexpected);
    }

    /** The snapshots are the only inputs; a customer field added to one would reach digests, so pin their fields. */
    @Test
    void snapshotsCarryNoCustomerFields() {
        assertEquals(List.of("branch", "claimId", "productLine", "complexity", "greenChannel", "status", "reportedAt",
                "documentsCompleteAt", "decidedAt", "paidAt", "closedAt", "handlerId", "documentsRequestedAt", "agreedAt",
                "advancePaidAt", "denialNoticeAt"), components(ClaimSnapshot.class));
        assertEquals(List.of("branch", "complaintId", "severity", "status", "receivedAt", "firstResponseAt",
                "resolvedAt", "staffId", "extendedAt"), components(ComplaintSnapshot.class));
        assertEquals(List.of("branch", "actionId", "inspectionId", "owner", "inspectedOn", "dueOn", "status",
                "pendingCheck"), components(CorrectiveActionSnapshot.class));
        assertEquals(List.of("checkId", "scheduledOn", "dueOn"),
                components(CorrectiveActionSnapshot.PendingCheck.class));
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> words(String text) {
        // Digits split words too, so that a Chinese date (2026年11月24日) reads as template words between numbers.
        return Arrays.stream(text.split("[^\\p{L}]+")).filter(word -> !word.isEmpty()).toList();
    }
    @Test
    void everyHtmlTableHasItsColumnHeadingsInItsSectionsLanguage() {
        String html = digestFor(digests(), "tpe01-manager@example.com").html();

        String chinese = "<tr><th>類別</th><th>編號</th><th>時限</th><th>險種/類型</th><th>期限</th><th>已用時間</th>"
                + "<th>負責人</th></tr>";
        String english = "<tr><th>Item</th><th>Id</th><th>Clock</th><th>Product / kind</th><th>Due</th><th>Used</th>"
                + "<th>Assignee</th></tr>";
        assertEquals(3, html.split(java.util.regex.Pattern.quote(chinese), -1).length - 1, "one table per level");
        assertEquals(3, html.split(java.util.regex.Pattern.quote(english), -1).length - 1, "one table per level");
    }

    @Test
    void linesOfABranchAreListedEarliestDueFirstAndEachClockGetsItsOwnRecord() {
        OpenDeadline laterDecision = new OpenDeadline(ItemType.CLAIM, "CLM-2", "TPE-01", DeadlineClockName.DECISION,
                at("2026-11-02T10:00"), at("2026-11-13T00:00"), DeadlineLimit.of(10, LimitUnit.CALENDAR_DAYS),
                "health, simple", "H-1", false);
        OpenDeadline earlierDocuments = new OpenDeadline(ItemType.CLAIM, "CLM-1", "TPE-01", DeadlineClockName.DOCUMENTS,
                at("2026-11-02T10:00"), at("2026-11-06T00:00"), DeadlineLimit.of(3, LimitUnit.BUSINESS_DAYS),
                "health, simple", "H-1", false);
        List<Delivery> deliveries = List.of(
                new Delivery("tpe01-manager@example.com", Role.BRANCH_MANAGER, new Alert(laterDecision, AlertLevel.OVERDUE, 12, 2)),
                new Delivery("tpe01-manager@example.com", Role.BRANCH_MANAGER, new Alert(earlierDocuments, AlertLevel.OVERDUE, 5, 2)));

        Digest digest = new DigestBuilder(POLICY.timeZone(), BranchDirectory.EMPTY, DIRECTORY).build(deliveries, RUN).get(0);

        assertTrue(digest.text().indexOf("- claim | CLM-1 |") < digest.text().indexOf("- claim | CLM-2 |"), digest.text());
        assertTrue(digest.html().indexOf("<td>CLM-1</td>") < digest.html().indexOf("<td>CLM-2</td>"), digest.html());
        assertEquals(List.of(
                new AlertRecord("overdue", "tpe01-manager@example.com", "claim", "claim.documents", "TPE-01", List.of("CLM-1")),
                new AlertRecord("overdue", "tpe01-manager@example.com", "claim", "claim.decision", "TPE-01", List.of("CLM-2"))),
                digest.records());
    }
}
