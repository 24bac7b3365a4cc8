package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ActionStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlertRouterTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private static final RecipientsDirectory DIRECTORY = RecipientsDirectory.load(new ByteArrayInputStream("""
            {"defaults": {"head_office_quality": ["hq-quality@example.com"],
                          "department_head:claims": ["claims-head@example.com"],
                          "department_head:quality": ["quality-head@example.com"]},
             "branches": {"TPE-01": {"branch_manager": ["tpe01-manager@example.com"],
                                     "department_head:complaints": ["tpe01-service@example.com"]},
                          "KHH-02": {"branch_manager": ["khh02-manager@example.com"],
                                     "department_head:claims": ["khh02-manager@example.com"]}}}
            """.getBytes(StandardCharsets.UTF_8)));

    private final DeadlineCalculator calculator = new DeadlineCalculator(POLICY);
    private final AlertLevels levels = new AlertLevels(POLICY);
    private final AlertRouter router = new AlertRouter(DIRECTORY);

    private Alert claimAlert(String branch, Instant now) {
        OpenDeadline settlement = calculator.openDeadlines(ClaimSnapshot.builder().branch(branch).claimId("CLM-1")
                .productLine(ProductLine.HEALTH).complexity(Complexity.SIMPLE).status(ClaimStatus.UNDER_REVIEW)
                .reportedAt(at("2026-10-30T09:00")).documentsCompleteAt(at("2026-11-02T10:00")).handlerId("H-17")
                .build()).get(0);
        return levels.alertAt(settlement, now).orElseThrow();
    }

    private static List<String> recipients(Routing routing) {
        return routing.deliveries().stream().map(delivery -> delivery.recipient() + " as " + delivery.role().wireName())
                .toList();
    }

    @Test
    void approachingAndDueGoToTheBranchManagerOnly() {
        Alert approaching = claimAlert("TPE-01", at("2026-11-11T08:00"));
        Alert due = claimAlert("TPE-01", at("2026-11-12T08:00"));

        assertEquals(AlertLevel.APPROACHING, approaching.level());
        assertEquals(AlertLevel.DUE, due.level());
        assertEquals(List.of("tpe01-manager@example.com as branch_manager"), recipients(router.route(List.of(approaching))));
        assertEquals(List.of("tpe01-manager@example.com as branch_manager"), recipients(router.route(List.of(due))));
    }

    @Test
    void overdueAlsoGoesToTheHeadOfTheDepartment() {
        Alert overdue = claimAlert("TPE-01", at("2026-11-14T08:00"));

        assertEquals(AlertLevel.OVERDUE, overdue.level());
        assertEquals(List.of("tpe01-manager@example.com as branch_manager",
                "claims-head@example.com as department_head:claims"), recipients(router.route(List.of(overdue))));
    }

    @Test
    void severelyOverdueAlsoGoesToHeadOfficeQuality() {
        Alert severe = claimAlert("TPE-01", at("2026-11-24T08:00"));

        assertEquals(AlertLevel.SEVERELY_OVERDUE, severe.level());
        assertEquals(List.of("tpe01-manager@example.com as branch_manager",
                "claims-head@example.com as department_head:claims",
                "hq-quality@example.com as head_office_quality"), recipients(router.route(List.of(severe))));
    }

    @Test
    void aMajorComplaintReachesHeadOfficeQualityFromItsFirstAlert() {
        OpenDeadline firstResponse = calculator.openDeadlines(ComplaintSnapshot.builder().branch("TPE-01")
                .complaintId("CP-1").severity(ComplaintSeverity.MAJOR).status(ComplaintStatus.OPEN)
                .receivedAt(at("2026-11-02T10:00")).build()).get(0);
        Alert approaching = levels.alertAt(firstResponse, at("2026-11-03T06:00")).orElseThrow();
        Alert overdue = levels.alertAt(firstResponse, at("2026-11-03T11:00")).orElseThrow();

        assertEquals(AlertLevel.APPROACHING, approaching.level());
        assertEquals(List.of("tpe01-manager@example.com as branch_manager",
                "hq-quality@example.com as head_office_quality"), recipients(router.route(List.of(approaching))));
        assertEquals(List.of("tpe01-manager@example.com as branch_manager",
                "tpe01-service@example.com as department_head:complaints",
                "hq-quality@example.com as head_office_quality"), recipients(router.route(List.of(overdue))));
    }

    @Test
    void anOverdueCorrectiveActionGoesToTheHeadOfQuality() {
        OpenDeadline action = calculator.openDeadlines(new CorrectiveActionSnapshot("TPE-01", "INS-3/1", "INS-3",
                "Q-2", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-12"), ActionStatus.OPEN)).get(0);
        Alert overdue = levels.alertAt(action, at("2026-11-13T08:00")).orElseThrow();

        assertEquals(List.of("tpe01-manager@example.com as branch_manager",
                "quality-head@example.com as department_head:quality"), recipients(router.route(List.of(overdue))));
    }

    @Test
    void anAddressHoldingTwoRolesGetsTheAlertOnce() {
        Alert overdue = claimAlert("KHH-02", at("2026-11-14T08:00"));

        assertEquals(List.of("khh02-manager@example.com as branch_manager"), recipients(router.route(List.of(overdue))));
    }

    @Test
    void aMissingRecipientIsReturnedWithWhatToDo() {
        Alert overdue = claimAlert("TCH-03", at("2026-11-14T08:00"));

        Routing routing = router.route(List.of(overdue));

        assertEquals(List.of("claims-head@example.com as department_head:claims"), recipients(routing));
        assertEquals(1, routing.missing().size());
        assertEquals("No branch_manager address for branch TCH-03: the overdue alert for claim CLM-1 (claim.decision)"
                + " reached no one in that role. Add an address under branches.TCH-03.branch_manager or"
                + " defaults.branch_manager in the recipients directory.", routing.missing().get(0).message());
    }

    @Test
    void directoryMistakesAreAllReportedWithTheirPath() {
        InvalidRecipientsDirectoryException error = assertThrows(InvalidRecipientsDirectoryException.class,
                () -> RecipientsDirectory.load(new ByteArrayInputStream("""
                        {"defaults": {"department_head:claim": ["a@example.com"]},
                         "branches": {"tpe-01": {}, "KHH-02": {"branch_manager": ["not an address"],
                                      "head_office_quality": ["hq@example.com"], "department_head:quality": []}}}
                        """.getBytes(StandardCharsets.UTF_8))));

        assertEquals(List.of(
                "$.defaults.department_head:claim: unknown role; use one of branch_manager, department_head:claims,"
                        + " department_head:complaints, department_head:quality, head_office_quality",
                "$.defaults.head_office_quality: missing; severely overdue items and major complaints go there, so"
                        + " add at least one address",
                "$.branches.tpe-01: not a branch id (2-16 of A-Z 0-9 -, as in the upload format)",
                "$.branches.KHH-02.branch_manager[0]: not an e-mail address: \"not an address\"",
                "$.branches.KHH-02.head_office_quality: head office quality is company-wide; move it to $.defaults",
                "$.branches.KHH-02.department_head:quality: must be a non-empty array of e-mail addresses"),
                error.problems());
    }
}
