package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlinePolicyLoaderTest {

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidDeadlinePolicyException rejected(String override) {
        return assertThrows(InvalidDeadlinePolicyException.class, () -> DeadlinePolicyLoader.load(json(override)));
    }

    @Test
    void defaultsCarryTheDocumentedFigures() {
        DeadlinePolicy policy = DeadlinePolicyLoader.loadDefaults();

        assertEquals("2026-12-1", policy.version());
        assertEquals(ZoneId.of("Asia/Taipei"), policy.timeZone());
        assertEquals(0, new BigDecimal("0.8").compareTo(policy.warningShare()));
        assertEquals(0, new BigDecimal("2").compareTo(policy.severeMultiplier()));
        ClaimLimits claims = policy.claims();
        assertEquals("3 business days", claims.documentsLimit(false).describe());
        assertEquals("24 hours", claims.documentsLimit(true).describe());
        assertEquals("10 calendar days", claims.decisionLimit(ProductLine.HEALTH, Complexity.SIMPLE, false).describe());
        assertEquals("30 calendar days", claims.decisionLimit(ProductLine.LIFE, Complexity.COMPLEX, false).describe());
        assertEquals("3 calendar days", claims.denialNotice().describe());
        assertTrue(claims.denialNotice().basis().startsWith("PRC Insurance Law art. 24"));
        assertEquals("60 calendar days", claims.advancePayment().describe());
        assertTrue(claims.advancePayment().basis().startsWith("PRC Insurance Law art. 25"));
        assertEquals("30 calendar days", claims.decisionLimit(ProductLine.AUTO, Complexity.COMPLEX, false).describe());
        assertEquals("3 calendar days", claims.decisionLimit(ProductLine.AUTO, Complexity.SIMPLE, true).describe());
        assertEquals("10 calendar days", claims.paymentLimit(false).describe());
        assertTrue(claims.paymentLimit(false).basis().contains("PRC Insurance Law art. 23"));
        assertTrue(claims.decisionLimit(ProductLine.LIFE, Complexity.COMPLEX, false).basis()
                .contains("PRC Insurance Law art. 23: decide complex claims within 30 days of complete documents"));
        ComplaintLimits complaints = policy.complaints();
        assertEquals("2 business days", complaints.firstResponseLimit(ComplaintSeverity.GENERAL).describe());
        assertEquals("30 calendar days", complaints.resolutionLimit(ComplaintSeverity.GENERAL).describe());
        assertTrue(complaints.resolutionLimit(ComplaintSeverity.GENERAL).basis()
                .contains("Financial Consumer Protection Act art. 13"));
        assertEquals("24 hours", complaints.firstResponseLimit(ComplaintSeverity.MAJOR).describe());
        assertEquals("15 calendar days", complaints.resolutionLimit(ComplaintSeverity.MAJOR).describe());
    }

    @Test
    void defaultCalendarsKnowTaiwanAndMainlandHolidaysOf2026() {
        BusinessCalendars calendars = DeadlinePolicyLoader.loadDefaults().calendars();
        HolidayCalendar taiwan = calendars.forBranch("TPE-01");

        assertEquals("TW", taiwan.country());
        assertFalse(taiwan.isBusinessDay(LocalDate.parse("2026-02-20")), "Lunar New Year observed, a Friday");
        assertFalse(taiwan.isBusinessDay(LocalDate.parse("2026-10-09")), "National Day observed, a Friday");
        assertFalse(taiwan.isBusinessDay(LocalDate.parse("2026-11-07")), "a Saturday");
        assertTrue(taiwan.isBusinessDay(LocalDate.parse("2026-11-09")), "an ordinary Monday");
        HolidayCalendar mainland = calendars.countries().get("CN");
        assertTrue(mainland.isBusinessDay(LocalDate.parse("2026-10-10")), "a Saturday worked in lieu");
        assertFalse(mainland.isBusinessDay(LocalDate.parse("2026-10-07")), "National Day holiday, a Wednesday");
    }

    @Test
    void calendarCoverageProblemsNameTheMissingYear() {
        BusinessCalendars calendars = DeadlinePolicyLoader.loadDefaults().calendars();

        assertEquals(List.of(), calendars.coverageProblems(LocalDate.parse("2026-11-24"), LocalDate.parse("2027-12-31")));
        List<String> problems = calendars.coverageProblems(LocalDate.parse("2027-11-24"), LocalDate.parse("2028-02-22"));
        assertEquals(List.of(
                "The deadline policy lists no 2028 holidays for CN: business-day deadlines in 2028 count weekends only."
                        + " Add 2028 to calendars.countries.CN.years and list its holidays.",
                "The deadline policy lists no 2028 holidays for TW: business-day deadlines in 2028 count weekends only."
                        + " Add 2028 to calendars.countries.TW.years and list its holidays."), problems);
    }

    @Test
    void coverageIsWarnedSixtyDaysBeforeItEnds() {
        BusinessCalendars calendars = DeadlinePolicyLoader.loadDefaults().calendars();

        assertEquals(392, calendars.daysOfCoverageLeft(LocalDate.parse("2026-12-05")), "to 1 January 2028");
        assertEquals(List.of(), calendars.coverageEndingSoon(LocalDate.parse("2027-11-01")), "61 days left");
        assertEquals(60, calendars.daysOfCoverageLeft(LocalDate.parse("2027-11-02")));
        assertEquals(List.of(
                "The CN holiday calendar of the deadline policy ends on 2027-12-31, in 60 days: add 2028 to"
                        + " calendars.countries.CN.years with its holidays, make-up working days and source before then.",
                "The TW holiday calendar of the deadline policy ends on 2027-12-31, in 60 days: add 2028 to"
                        + " calendars.countries.TW.years with its holidays, make-up working days and source before then."),
                calendars.coverageEndingSoon(LocalDate.parse("2027-11-02")));
        assertEquals(0, calendars.daysOfCoverageLeft(LocalDate.parse("2028-01-01")));
        assertEquals(0, calendars.daysOfCoverageLeft(LocalDate.parse("2025-12-31")), "2025 is not listed either");
    }

    @Test
    void aCountryWithAShorterCalendarSetsTheDaysLeft() {
        BusinessCalendars calendars = DeadlinePolicyLoader.load(json("""
                {"version": "x", "calendars": {"countries": {"CN": {"years": [2026],
                  "sources": [{"year": 2026, "status": "official", "document": "2026 notice", "published": "2025-11-04"}],
                  "holidays": [{"date": "2026-10-01", "name": "国庆节"}], "workingDays": []}}}}
                """)).calendars();

        assertEquals(26, calendars.daysOfCoverageLeft(LocalDate.parse("2026-12-06")), "CN ends with 2026");
        assertEquals(List.of("The CN holiday calendar of the deadline policy ends on 2026-12-31, in 26 days: add 2027"
                + " to calendars.countries.CN.years with its holidays, make-up working days and source before then."),
                calendars.coverageEndingSoon(LocalDate.parse("2026-12-06")));
    }

    @Test
    void everyYearNamesItsSourceAndTheDerivedYearsSaySo() {
        BusinessCalendars calendars = DeadlinePolicyLoader.loadDefaults().calendars();
        CalendarSource cn2026 = calendars.countries().get("CN").sources().get(2026);
        CalendarSource cn2027 = calendars.countries().get("CN").sources().get(2027);
        CalendarSource tw2027 = calendars.countries().get("TW").sources().get(2027);

        assertFalse(cn2026.provisional());
        assertEquals(Optional.of(LocalDate.parse("2025-11-04")), cn2026.published());
        assertTrue(cn2027.provisional());
        assertTrue(cn2027.basis().startsWith("derived from 全国年节及纪念日放假办法 (2024 revision)"), cn2027.basis());
        assertTrue(tw2027.provisional());
        assertTrue(tw2027.basis().startsWith("derived from 紀念日及節日實施條例 (as amended 2025)"), tw2027.basis());
        assertEquals(List.of(), calendars.provisionalYears(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
        assertEquals(List.of(
                "The 2027 holidays for CN are provisional (derived from the holiday rules, not copied from"
                        + " 国务院办公厅关于2027年部分节假日安排的通知, not consulted: entered without access to it (its usual"
                        + " publication is early November of the year before)): check them against it and set"
                        + " calendars.countries.CN.sources.2027.status to official.",
                "The 2027 holidays for TW are provisional (derived from the holiday rules, not copied from"
                        + " 行政院人事行政總處 (DGPA), 中華民國116年(西元2027年)政府行政機關辦公日曆表, not consulted: entered"
                        + " without access to it): check them against it and set"
                        + " calendars.countries.TW.sources.2027.status to official."),
                calendars.provisionalYears(LocalDate.parse("2026-12-05"), LocalDate.parse("2027-03-05")));
    }

    @Test
    void sourceMistakesPointAtTheEntry() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "calendars": {"countries": {"TW": {"years": [2026, 2027, 2028],
                  "sources": [{"year": 2026, "status": "official", "document": "DGPA 115"},
                              {"year": 2027, "status": "draft", "document": "DGPA 116"},
                              {"year": 2029, "status": "official", "document": "DGPA 118"}]},
                  "CN": {"sources": [{"year": 2026, "status": "official", "document": "notice", "published": "4 Nov 2025"},
                                     {"year": 2027, "status": "provisional", "document": "the 2027 notice"}]}}}}
                """);

        assertEquals(List.of(
                "$.calendars.countries.TW.sources[1].status: 'draft' is not a status; use official or provisional",
                "$.calendars.countries.TW.sources[2].year: 2029 is not one of the calendar's years [2026, 2027, 2028];"
                        + " add it to years or remove this source",
                "$.calendars.countries.TW.sources: 2028 has no source; add an entry like {\"year\": 2027, \"status\":"
                        + " \"official\", \"document\": \"the published calendar\", \"published\": \"2026-06-15\"}",
                "$.calendars.countries.CN.sources[0].published: '4 Nov 2025' is not a date; use YYYY-MM-DD",
                "$.calendars.countries.CN.sources[1].basis: a provisional year must say how its days were derived"),
                error.problems());
    }

    @Test
    void overrideIsMergedOverTheDefaultsKeyByKey() {
        DeadlinePolicy policy = DeadlinePolicyLoader.load(json("""
                {"version": "2026-11-1-pilot",
                 "levels": {"warningShare": 0.75},
                 "calendars": {"branchCountries": {"SHA-01": "CN"}},
                 "claims": {"decision": {"auto": {"complex": {"amount": 20, "unit": "calendar_days"}}}}}
                """));

        assertEquals("2026-11-1-pilot", policy.version());
        assertEquals(0, new BigDecimal("0.75").compareTo(policy.warningShare()));
        assertEquals(0, new BigDecimal("2").compareTo(policy.severeMultiplier()), "untouched default kept");
        assertEquals("20 calendar days",
                policy.claims().decisionLimit(ProductLine.AUTO, Complexity.COMPLEX, false).describe());
        assertEquals("10 calendar days",
                policy.claims().decisionLimit(ProductLine.AUTO, Complexity.SIMPLE, false).describe());
        assertEquals("CN", policy.calendars().forBranch("SHA-01").country());
        assertEquals("TW", policy.calendars().forBranch("TPE-01").country());
    }

    @Test
    void aNullInAnOverrideRemovesTheKeyAsAMergePatchDoes() {
        // RFC 7386: null removes; removing a key the defaults lack changes nothing, and a removed required key is missing
        assertEquals("2026-12-1-merge", DeadlinePolicyLoader.load(json("""
                {"version": "2026-12-1-merge", "no_such_key": null}
                """)).version());
        assertEquals(List.of("$.levels.warningShare: missing; use a share such as 0.8"), rejected("""
                {"version": "2026-12-1-merge", "levels": {"warningShare": null}}
                """).problems());
    }

    @Test
    void anArrayInAnOverrideReplacesTheDefaultList() {
        DeadlinePolicy policy = DeadlinePolicyLoader.load(json("""
                {"version": "2026-11-1-no-holidays",
                 "calendars": {"countries": {"TW": {"holidays": [{"date": "2026-11-09", "name": "company day"}]}}}}
                """));

        HolidayCalendar taiwan = policy.calendars().forBranch("TPE-01");
        assertEquals(1, taiwan.holidays().size());
        assertFalse(taiwan.isBusinessDay(LocalDate.parse("2026-11-09")));
        assertTrue(taiwan.isBusinessDay(LocalDate.parse("2026-10-09")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"version\": \"2026-12-1\"}"})
    void overrideMustCarryItsOwnVersion(String override) {
        InvalidDeadlinePolicyException error = rejected(override);

        assertEquals(List.of("$.version (override): missing or equal to the defaults' version \"2026-12-1\"; give the"
                + " override its own version, e.g. \"2026-12-1-tpe-pilot\", so that alerts record which policy"
                + " applied"), error.problems());
    }

    @Test
    void aVersionProblemDoesNotHideTheOthers() {
        InvalidDeadlinePolicyException error = rejected("{\"version\": 7, \"levels\": {\"severeMultiplier\": 1}}");

        assertEquals(List.of(
                "$.version (override): missing or equal to the defaults' version \"2026-12-1\"; give the override its"
                        + " own version, e.g. \"2026-12-1-tpe-pilot\", so that alerts record which policy applied",
                "$.version: must be a non-empty string; add e.g. \"2026-11-1\"",
                "$.levels.severeMultiplier: must be greater than 1 (2 escalates at twice the limit), was 1"),
                error.problems());
    }

    @Test
    void unknownProductLineIsNamedWithTheAcceptedOnes() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "claims": {"decision": {"marine": {"simple": {"amount": 5, "unit": "calendar_days"},
                 "complex": {"amount": 9, "unit": "calendar_days"}}}}}
                """);

        assertEquals(List.of("$.claims.decision.marine: unknown product line 'marine'; use life, health, accident,"
                + " property, auto"), error.problems());
        assertTrue(error.getMessage().startsWith("Deadline policy from the built-in defaults merged with the override"
                + " is invalid (1 problem); fix the policy JSON and load it again:\n  $.claims.decision.marine:"),
                error.getMessage());
    }

    @Test
    void negativeAndFractionalLimitsAreRefused() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "claims": {"payment": {"amount": -3, "unit": "calendar_days"},
                 "documents": {"amount": 1.5, "unit": "business_days"}}}
                """);

        assertEquals(List.of(
                "$.claims.documents.amount: must be a whole number from 1 to 1000, was 1.5",
                "$.claims.payment.amount: must be a whole number from 1 to 1000, was -3"), error.problems());
    }

    @Test
    void missingKeysSayWhatToAdd() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "claims": {"decision": {"auto": null}}, "complaints": {"major": {"resolution": null}}}
                """);

        assertEquals(List.of(
                "$.claims.decision.auto: missing; add {\"simple\": {...}, \"complex\": {...}} limits",
                "$.complaints.major.resolution: missing; add e.g. {\"amount\": 10, \"unit\": \"calendar_days\"}"),
                error.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1.2", "-0.1"})
    void warningShareOutsideZeroToOneIsRefused(String share) {
        InvalidDeadlinePolicyException error = rejected(
                "{\"version\": \"x\", \"levels\": {\"warningShare\": " + share + "}}");

        assertEquals(List.of("$.levels.warningShare: must be greater than 0 and less than 1 (0.8 warns when 80% of"
                + " the time is used), was " + share), error.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0.5", "1.0"})
    void severeMultiplierMustExceedOne(String multiplier) {
        InvalidDeadlinePolicyException error = rejected(
                "{\"version\": \"x\", \"levels\": {\"severeMultiplier\": " + multiplier + "}}");

        assertEquals(List.of("$.levels.severeMultiplier: must be greater than 1 (2 escalates at twice the limit), was "
                + multiplier), error.problems());
    }

    @Test
    void greenChannelLimitsMustBeTighter() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "claims": {"greenChannel": {"payment": {"amount": 12, "unit": "calendar_days"}}}}
                """);

        assertEquals(List.of("$.claims.greenChannel.payment: 12 calendar days is longer than $.claims.payment"
                + " (10 calendar days); green-channel claims must not be given longer than other claims"),
                error.problems());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "timeZone": "Asia/Taipeh", "levels": {"warningShare": 2, "severeMultiplier": 1},
                 "calendars": {"branchCountries": {"SHA-01": "JP"}},
                 "complaints": {"general": {"resolution": {"amount": 30, "unit": "weeks"}}, "urgent": {}},
                 "claims": {"documents": {"amount": 3, "unit": "business_days", "owner": "me"}}}
                """);

        assertEquals(List.of(
                "$.timeZone: 'Asia/Taipeh' is not a time-zone ID; use an IANA ID such as Asia/Taipei",
                "$.levels.warningShare: must be greater than 0 and less than 1 (0.8 warns when 80% of the time is"
                        + " used), was 2",
                "$.levels.severeMultiplier: must be greater than 1 (2 escalates at twice the limit), was 1",
                "$.calendars.branchCountries.SHA-01: country \"JP\" has no calendar; add it under"
                        + " $.calendars.countries",
                "$.claims.documents.owner: unknown key; expected one of amount, unit, basis (check the spelling)",
                "$.complaints.urgent: unknown complaint severity 'urgent'; use general, major",
                "$.complaints.general.resolution.unit: 'weeks' is not one of calendar_days, business_days, hours"),
                error.problems());
    }

    @Test
    void calendarMistakesPointAtTheEntry() {
        InvalidDeadlinePolicyException error = rejected("""
                {"version": "x", "calendars": {"defaultCountry": "HK", "countries": {"TW": {
                  "holidays": [{"date": "2026-13-01", "name": "typo"}, {"date": "2028-01-01", "name": "next year"}],
                  "workingDays": [{"date": "2026-11-10", "name": "a Tuesday"}],
                  "weekend": ["SATURDAY", "SUNDAE"]}}}}
                """);

        assertEquals(List.of(
                "$.calendars.countries.TW.weekend[1]: \"SUNDAE\" is not a day of the week; use MONDAY ... SUNDAY",
                "$.calendars.countries.TW.holidays[0].date: '2026-13-01' is not a date; use YYYY-MM-DD",
                "$.calendars.countries.TW.holidays[1].date: 2028-01-01 is outside the calendar's years [2026, 2027];"
                        + " add 2028 to years or correct the date",
                "$.calendars.countries.TW.workingDays: 2026-11-10 is a TUESDAY, already a business day; list only"
                        + " weekend days that are worked",
                "$.calendars.defaultCountry: 'HK' has no calendar; add it under $.calendars.countries or name one of"
                        + " TW, CN"),
                error.problems());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        InvalidDeadlinePolicyException error = rejected("{\"version\": \"x\",\n  \"levels\": {\"warningShare\": }}");

        assertEquals(1, error.problems().size());
        assertTrue(error.problems().get(0).startsWith("$ (override): not valid JSON at line 2, column 30: "), error.problems().get(0));
    }

    @Test
    void duplicateKeysAreRefusedRatherThanSilentlyResolved() {
        InvalidDeadlinePolicyException error = rejected("{\"version\": \"x\", \"version\": \"y\"}");

        assertTrue(error.problems().get(0).contains("Duplicate field 'version'"), error.problems().get(0));
    }

    @Test
    void jsonBeyondTheParsersLimitsIsInvalidNotACrash() {
        String deep = "[".repeat(1100) + "]".repeat(1100);
        String problem = rejected("{\"version\": \"v2\", \"x\": " + deep + "}").problems().get(0);
        assertTrue(problem.startsWith("$ (override): not valid JSON: ") && problem.contains("nesting depth"), problem);
        assertTrue(rejected("{\"version\": \"v2\", \"levels\": {\"warningShare\": 0." + "9".repeat(1100) + "}}")
                .problems().get(0).contains("Number value length"));
    }

    @Test
    void anExponentPastAnIntIsInvalidNotACrash() {
        String problem = rejected("{\"version\": \"v2\", \"levels\": {\"warningShare\": 1e-99999999999}}")
                .problems().get(0);
        assertTrue(problem.startsWith("$ (override): not valid JSON: a number is out of range"), problem);
    }

    @Test
    void textInNoUnicodeEncodingIsInvalidNotAnIoFailure() {
        byte[] utf32WithAnImpossibleCharacter = {0, 0, 0, '{', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        InvalidDeadlinePolicyException invalid = assertThrows(InvalidDeadlinePolicyException.class,
                () -> DeadlinePolicyLoader.load(new ByteArrayInputStream(utf32WithAnImpossibleCharacter)));
        assertTrue(invalid.problems().get(0).startsWith("$ (override): not valid JSON: the text is not UTF-8"), invalid.getMessage());
    }

    @Test
    void anOutOfRangeNumberIsQuotedShortWhateverItsExponent() {
        String message = rejected("{\"version\": \"v2\", \"levels\": {\"warningShare\": 1e999999999,"
                + " \"severeMultiplier\": 1e-999999999}}").getMessage();
        assertTrue(message.contains("was 1E+999999999") && message.contains("was 1E-999999999"), message);
        assertTrue(rejected("{\"version\": \"v2\", \"levels\": {\"warningShare\": 1.5}}").getMessage()
                .contains("was 1.5"));
    }
}
