package io.qualityhub.deadlines;

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
                          "KHH-02": {"branch_manager": ["khh02-manager@example.com"]}}}
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
        return new DigestBuilder(POLICY.timeZone()).build(routing.deliveries(), RUN);
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
    void theBranchManagerSeesLevelsMostUrgentFirstWithCountsAndDays() {
        Digest digest = digestFor(digests(), "tpe01-manager@example.com");

        assertEquals("QualityHub deadlines 2026-11-24: 1 severely overdue, 1 overdue, 1 approaching", digest.subject());
        assertEquals("""
                QualityHub deadline digest for tpe01-manager@example.com
                Run 2026-11-24 08:00 (Asia/Taipei), 3 alerts: 1 severely overdue, 1 overdue, 1 approaching.
                Each item is reported once per level; ids are as the branch sent them.

                SEVERELY OVERDUE: 1
                  Branch TPE-01: 1
                    - claim | CLM-0001 | claim.decision | health, simple | due by end of 2026-11-12 | 22 of 10 calendar days used, 12 late | handler H-17

                OVERDUE: 1
                  Branch TPE-01: 1
                    - action | INS-8/2 | action.due | inspection INS-8 | due by end of 2026-11-20 | 14 of 10 calendar days used, 4 late | owner Q-5

                APPROACHING: 1
                  Branch TPE-01: 1
                    - claim | CLM-0002 | claim.decision | auto, complex, green channel | due by end of 2026-11-25 | 9 of 10 calendar days used | handler H-3
                """, digest.text());
        assertEquals(List.of(
                new AlertRecord("severely_overdue", "tpe01-manager@example.com", "claim", "claim.decision", "TPE-01", List.of("CLM-0001")),
                new AlertRecord("overdue", "tpe01-manager@example.com", "action", "action.due", "TPE-01", List.of("INS-8/2")),
                new AlertRecord("approaching", "tpe01-manager@example.com", "claim", "claim.decision", "TPE-01", List.of("CLM-0002"))),
                digest.records());
    }

    @Test
    void headOfficeQualitySeesBranchesGroupedUnderEachLevel() {
        Digest digest = digestFor(digests(), "hq-quality@example.com");

        assertEquals("QualityHub deadlines 2026-11-24: 1 severely overdue, 1 approaching", digest.subject());
        assertTrue(digest.text().contains("""
                SEVERELY OVERDUE: 1
                  Branch TPE-01: 1
                    - claim | CLM-0001 |"""), digest.text());
        assertTrue(digest.text().contains("""
                APPROACHING: 1
                  Branch KHH-02: 1
                    - complaint | CP-31 | complaint.first_response | major | due 2026-11-24 12:00 | 21 of 24 hours used | unassigned
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

        Digest digest = new DigestBuilder(POLICY.timeZone()).build(List.of(delivery), RUN).get(0);

        assertTrue(digest.html().contains("<td>&lt;b&gt;A&amp;B&quot;&#39;?FAKE LINE</td>"), digest.html());
        assertFalse(digest.html().contains("<b>A"));
        assertTrue(digest.text().contains("    - claim | <b>A&B\"'?FAKE LINE | claim.decision |"), digest.text());
        assertFalse(digest.text().contains("\nFAKE LINE"));
        assertEquals(List.of("<b>A&B\"'\nFAKE LINE"), digest.records().get(0).itemIds(),
                "the machine-readable record keeps the id exactly as the branch sent it");
    }

    @Test
    void noRunWithoutAlertsMeansNoDigest() {
        assertEquals(List.of(), new DigestBuilder(POLICY.timeZone()).build(List.of(), RUN));
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
                charset utf-8 title body h1 h2 h3 p table border cellpadding tr th td
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
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
    }
}
