package io.qualityhub.deadlines;

import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The upload calendar's rules: learned expectations (3 of the last 5 business days), configured branches, cutoffs at
 * 12:00 on the next business day across weekends and holidays, and the alert a missing file raises. Dates are 2026,
 * Taiwan's calendar unless the branch is SHA-01 (CN).
 */
class UploadExpectationsTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.load(new ByteArrayInputStream("""
            {"version": "2026-12-1-test", "calendars": {"branchCountries": {"SHA-01": "CN"}}}
            """.getBytes(StandardCharsets.UTF_8)));
    private static final List<String> TYPES = List.of("claims", "complaints", "portfolio", "sales");
    private final UploadExpectations learnedOnly = new UploadExpectations(POLICY, UploadCalendar.learnedOnly());

    private static Set<UploadSlot> arrivals(String branch, String type, String... days) {
        Set<UploadSlot> slots = new HashSet<>();
        for (String day : days) {
            slots.add(new UploadSlot(branch, type, LocalDate.parse(day)));
        }
        return slots;
    }

    private static UploadSlot slot(String branch, String type, String day) {
        return new UploadSlot(branch, type, LocalDate.parse(day));
    }

    @Test
    void aTypeSentOnThreeOfTheLastFiveBusinessDaysIsExpectedOnTheNext() {
        // Monday 23 November: the five business days before are 16-20 November.
        Set<UploadSlot> arrived = arrivals("TPE-01", "claims", "2026-11-16", "2026-11-18", "2026-11-20");
        arrived.addAll(arrivals("TPE-01", "complaints", "2026-11-19", "2026-11-20"));

        assertEquals(List.of(slot("TPE-01", "claims", "2026-11-23")), learnedOnly.expectedOn(LocalDate.parse("2026-11-23"), arrived, Set.of()),
                "claims on 3 of 5 days are expected; complaints on 2 of 5 are not");
    }

    @Test
    void onlyTheFiveBusinessDaysBeforeCountAndAHolidayIsNotOneOfThem() {
        // Monday 12 October: Friday 9 October is National Day observed, so the five business days are 2 and 5-8 October.
        assertEquals(List.of(), learnedOnly.expectedOn(LocalDate.parse("2026-10-12"),
                arrivals("TPE-01", "claims", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-09"), Set.of()),
                "1 October is the sixth business day back and 9 October a holiday: 2 of 5");
        assertEquals(List.of(slot("TPE-01", "claims", "2026-10-12")), learnedOnly.expectedOn(LocalDate.parse("2026-10-12"),
                arrivals("TPE-01", "claims", "2026-10-02", "2026-10-05", "2026-10-08"), Set.of()));
        assertEquals(List.of(LocalDate.parse("2026-10-08"), LocalDate.parse("2026-10-07"), LocalDate.parse("2026-10-06"),
                LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-02")), learnedOnly.learningDays("TPE-01", LocalDate.parse("2026-10-12")));
    }

    @Test
    void nothingIsExpectedOnAWeekendOrAHoliday() {
        Set<UploadSlot> everyDay = arrivals("TPE-01", "claims", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08");
        assertEquals(List.of(), learnedOnly.expectedOn(LocalDate.parse("2026-10-09"), everyDay, Set.of()), "National Day observed");
        assertEquals(List.of(), learnedOnly.expectedOn(LocalDate.parse("2026-10-10"), everyDay, Set.of()), "a Saturday");
    }

    @Test
    void aConfiguredBranchSendsWhatItsCalendarListsFromItsStartAndIsNotLearned() {
        UploadCalendar calendar = UploadCalendar.load(new ByteArrayInputStream("""
                {"version": "2026-12-1", "branches": {
                  "TXG-03": {"since": "2026-11-20", "expect": {"claims": "business_days", "portfolio": ["friday"]}},
                  "KHH-02": {"since": "2026-11-01", "expect": {}}}}
                """.getBytes(StandardCharsets.UTF_8)), TYPES, "test");
        UploadExpectations expectations = new UploadExpectations(POLICY, calendar);
        Set<UploadSlot> khhSentDaily = arrivals("KHH-02", "claims", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20");

        assertEquals(List.of(), expectations.expectedOn(LocalDate.parse("2026-11-19"), khhSentDaily, Set.of()), "before since");
        assertEquals(List.of(slot("TXG-03", "claims", "2026-11-20"), slot("TXG-03", "portfolio", "2026-11-20")),
                expectations.expectedOn(LocalDate.parse("2026-11-20"), khhSentDaily, Set.of()));
        assertEquals(List.of(slot("TXG-03", "claims", "2026-11-23")), expectations.expectedOn(LocalDate.parse("2026-11-23"), khhSentDaily, Set.of()),
                "portfolio on Fridays only; KHH-02 is configured to send nothing, so its daily claims are not learned");
    }

    @Test
    void aFileTheManifestNamesIsExpectedOnItsDateWhateverTheCalendarSays() {
        UploadCalendar calendar = UploadCalendar.load(new ByteArrayInputStream("""
                {"version": "2026-12-1", "branches": {
                  "TXG-03": {"since": "2026-11-20", "expect": {"claims": "business_days"}}}}
                """.getBytes(StandardCharsets.UTF_8)), TYPES, "test");
        UploadExpectations expectations = new UploadExpectations(POLICY, calendar);
        Set<UploadSlot> named = Set.of(slot("KHH-02", "claims", "2026-11-23"), slot("KHH-02", "sales", "2026-11-23"),
                slot("TXG-03", "claims", "2026-11-23"), slot("TXG-03", "portfolio", "2026-11-23"),
                slot("KHH-02", "claims", "2026-11-28"));

        assertEquals(List.of(slot("KHH-02", "claims", "2026-11-23"), slot("KHH-02", "sales", "2026-11-23"),
                        slot("TXG-03", "claims", "2026-11-23"), slot("TXG-03", "portfolio", "2026-11-23")),
                expectations.expectedOn(LocalDate.parse("2026-11-23"), Set.of(), named),
                "KHH-02 is neither configured nor learned, TXG-03's calendar lists no portfolio; claims once, not twice");
        assertEquals(List.of(slot("KHH-02", "claims", "2026-11-28")), expectations.expectedOn(LocalDate.parse("2026-11-28"), Set.of(), named),
                "a Saturday the branch's manifest names a file for");
        assertEquals(List.of(slot("TXG-03", "claims", "2026-11-24")), expectations.expectedOn(LocalDate.parse("2026-11-24"), Set.of(), named),
                "a manifest names the files of its own date only");
    }

    @Test
    void aFileTheManifestNamesThatHasNotArrivedByTheCutoffIsAMissingUploadUntilItArrives() {
        Set<UploadSlot> named = Set.of(slot("KHH-02", "claims", "2026-11-20"), slot("KHH-02", "sales", "2026-11-20"));
        Map<UploadSlot, Instant> claimsOnly = Map.of(slot("KHH-02", "claims", "2026-11-20"), at("2026-11-20T17:00"));

        List<UploadVerdict> monday = learnedOnly.verdicts(claimsOnly, named, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-20"), at("2026-11-23T12:00"));
        assertEquals(List.of("KHH-02/claims/2026-11-20", "KHH-02/sales/2026-11-20"),
                monday.stream().map(verdict -> verdict.slot().itemId()).toList());
        assertEquals(Optional.empty(), monday.get(0).alert(), "claims arrived");
        Alert missing = monday.get(1).alert().orElseThrow();
        assertEquals(AlertLevel.OVERDUE, missing.level());
        assertEquals(ItemType.UPLOAD, missing.deadline().itemType());
        assertEquals("KHH-02/sales/2026-11-20", missing.deadline().itemId());
        assertEquals("upload.cutoff", missing.deadline().clock().policyId());

        Map<UploadSlot, Instant> salesLate = Map.of(slot("KHH-02", "claims", "2026-11-20"), at("2026-11-20T17:00"),
                slot("KHH-02", "sales", "2026-11-20"), at("2026-11-23T15:00"));
        assertEquals(List.of(Optional.empty(), Optional.empty()), learnedOnly.verdicts(salesLate, named,
                        LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20"), at("2026-11-24T08:00")).stream()
                .map(UploadVerdict::alert).toList(), "the late arrival closes it");
        assertEquals(List.of(), learnedOnly.verdicts(claimsOnly, named, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-20"), at("2026-11-23T11:59")), "before the cutoff nothing is judged");
    }

    @Test
    void aFileIsDueAtNoonOnTheNextBusinessDayAcrossWeekendsAndHolidays() {
        assertEquals(at("2026-11-24T12:00"), learnedOnly.cutoff("TPE-01", LocalDate.parse("2026-11-23")), "Monday to Tuesday");
        assertEquals(at("2026-11-23T12:00"), learnedOnly.cutoff("TPE-01", LocalDate.parse("2026-11-20")), "Friday to Monday");
        assertEquals(at("2026-10-12T12:00"), learnedOnly.cutoff("TPE-01", LocalDate.parse("2026-10-08")),
                "Thursday to Monday over National Day observed on Friday 9 October");
        assertEquals(at("2026-10-08T12:00"), learnedOnly.cutoff("SHA-01", LocalDate.parse("2026-09-30")),
                "CN: over the National Day week, 1-7 October");
        assertEquals(at("2026-10-10T12:00"), learnedOnly.cutoff("SHA-01", LocalDate.parse("2026-10-09")),
                "CN: to the make-up working Saturday");
        assertEquals(Instant.parse("2026-11-24T04:00:00Z"), learnedOnly.cutoff("TPE-01", LocalDate.parse("2026-11-23")),
                "in the company time zone, Asia/Taipei");
    }

    @Test
    void theCalendarsCutoffTimeReplacesNoon() {
        UploadCalendar calendar = UploadCalendar.load(new ByteArrayInputStream("""
                {"version": "v2", "cutoff": "09:30", "branches": {}}
                """.getBytes(StandardCharsets.UTF_8)), TYPES, "test");
        assertEquals(at("2026-11-23T09:30"), new UploadExpectations(POLICY, calendar).cutoff("TPE-01", LocalDate.parse("2026-11-20")));
    }

    @Test
    void aMissingFileIsOverdueFromItsCutoffSeverelyOverdueTwoBusinessDaysOnAndClosedByItsArrival() {
        UploadSlot friday = slot("TXG-03", "claims", "2026-11-20");

        assertEquals(Optional.empty(), learnedOnly.alertAt(friday, Optional.empty(), at("2026-11-23T11:59:59")), "not late yet");
        Alert overdue = learnedOnly.alertAt(friday, Optional.empty(), at("2026-11-23T12:00")).orElseThrow();
        assertEquals(AlertLevel.OVERDUE, overdue.level());
        assertEquals(ItemType.UPLOAD, overdue.deadline().itemType());
        assertEquals("TXG-03/claims/2026-11-20", overdue.deadline().itemId());
        assertEquals("upload.cutoff", overdue.deadline().clock().policyId());
        assertEquals(0, overdue.late());
        Alert tuesday = learnedOnly.alertAt(friday, Optional.empty(), at("2026-11-24T23:59")).orElseThrow();
        assertEquals(AlertLevel.OVERDUE, tuesday.level());
        assertEquals(1, tuesday.late(), "one business day late");
        assertEquals(AlertLevel.SEVERELY_OVERDUE,
                learnedOnly.alertAt(friday, Optional.empty(), at("2026-11-25T00:00")).orElseThrow().level(),
                "twice its business day used: Monday and Tuesday");

        Optional<Instant> lateArrival = Optional.of(at("2026-11-24T09:00"));
        assertEquals(Optional.empty(), learnedOnly.alertAt(friday, lateArrival, at("2026-11-25T08:00")), "closed by the late arrival");
        assertEquals(false, learnedOnly.onTime(friday, lateArrival));
        assertEquals(true, learnedOnly.onTime(friday, Optional.of(at("2026-11-23T12:00"))), "at the cutoff is on time");
        assertEquals(false, learnedOnly.onTime(friday, Optional.empty()));
    }

    @Test
    void aBadCalendarIsRefusedWithEveryProblemAndItsPath() {
        InvalidUploadCalendarException refused = assertThrows(InvalidUploadCalendarException.class,
                () -> UploadCalendar.load(new ByteArrayInputStream("""
                        {"version": "v3", "cutoff": "noon", "branches": {
                          "tpe": {"since": "2026-11-20", "expect": {}},
                          "TXG-03": {"since": "20 Nov", "expect": {"claim": "business_days", "sales": ["FUNDAY"], "portfolio": []}}}}
                        """.getBytes(StandardCharsets.UTF_8)), TYPES, "test"));
        assertEquals(List.of(
                "$.cutoff: must be a time HH:MM, e.g. 12:00",
                "$.branches.tpe: not a branch code (2-16 of A-Z, 0-9 and -, as in upload keys)",
                "$.branches.TXG-03.since: must be a date YYYY-MM-DD",
                "$.branches.TXG-03.expect.claim: not a record type branches upload; use one of [claims, complaints, portfolio, sales]",
                "$.branches.TXG-03.expect.sales[0]: not a weekday; use MONDAY to SUNDAY",
                "$.branches.TXG-03.expect.portfolio: must be \"business_days\" or a non-empty list of weekdays such as [\"MONDAY\"]"),
                refused.problems());
    }
    @Test
    void aBranchEntryThatIsNoObjectIsRefusedAndTheMessageCountsOneProblem() {
        InvalidUploadCalendarException refused = assertThrows(InvalidUploadCalendarException.class,
                () -> UploadCalendar.load(new ByteArrayInputStream("""
                        {"version": "v3", "cutoff": "12:00", "branches": {"TPE-01": ["claims"]}}
                        """.getBytes(StandardCharsets.UTF_8)), TYPES, "test"));
        assertEquals(List.of("$.branches.TPE-01: must be an object with since and expect"), refused.problems());
        assertEquals("Upload calendar from test is invalid (1 problem); fix the JSON and store it again:\n"
                + "  $.branches.TPE-01: must be an object with since and expect", refused.getMessage());
    }
}
