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

        assertEquals(List.of(slot("TPE-01", "claims", "2026-11-23")), learnedOnly.expectedOn(LocalDate.parse("2026-11-23"), arrived),
                "claims on 3 of 5 days are expected; complaints on 2 of 5 are not");
    }

    @Test
    void onlyTheFiveBusinessDaysBeforeCountAndAHolidayIsNotOneOfThem() {
        // Monday 12 October: Friday 9 October is National Day observed, so the five business days are 2 and 5-8 October.
        assertEquals(List.of(), learnedOnly.expectedOn(LocalDate.parse("2026-10-12"),
                arrivals("TPE-01", "claims", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-09")),
                "1 October is the sixth business day back and 9 October a holiday: 2 of 5");
        assertEquals(List.of(slot("TPE-01", "claims", "2026-10-12")), learnedOnly.expectedOn(LocalDate.parse("2026-10-12"),
                arrivals("TPE-01", "claims", "2026-10-02", "2026-10-05", "2026-10-08")));
        assertEquals(List.of(LocalDate.parse("2026-10-08"), LocalDate.parse("2026-10-07"), LocalDate.parse("2026-10-06"),
                LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-02")), learnedOnly.learningDays("TPE-01", LocalDate.parse("2026-10-12")));
    }

    @Test
    void nothingIsExpectedOnAWeekendOrAHoliday() {
        Set<UploadSlot> everyDay = arrivals("TPE-01", "claims", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08");
        assertEquals(List.of(), learnedOnly.expectedOn(LocalDate.parse("2026-10-09"), everyDay), "National Day observed");
        assertEquals(List.of(), learnedOnly.expectedOn(LocalDate.parse("2026-10-10"), everyDay), "a Saturday");
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

        assertEquals(List.of(), expectations.expectedOn(LocalDate.parse("2026-11-19"), khhSentDaily), "before since");
        assertEquals(List.of(slot("TXG-03", "claims", "2026-11-20"), slot("TXG-03", "portfolio", "2026-11-20")),
                expectations.expectedOn(LocalDate.parse("2026-11-20"), khhSentDaily));
        assertEquals(List.of(slot("TXG-03", "claims", "2026-11-23")), expectations.expectedOn(LocalDate.parse("2026-11-23"), khhSentDaily),
                "portfolio on Fridays only; KHH-02 is configured to send nothing, so its daily claims are not learned");
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
}
