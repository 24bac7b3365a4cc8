package io.qualityhub.deadlines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A deployment's override with one mistake is refused with that mistake at its path: a misspelt key at any level
 * (which a lenient loader would drop, leaving the default in force unnoticed), a limit longer than the one it must
 * not exceed, and each kind of calendar mistake. Found by mutation testing (docs/testing.md): each of these checks
 * could be removed without a test failing.
 */
class DeadlinePolicyLoaderOverrideMistakesTest {

    private static List<String> problemsOf(String override) {
        return assertThrows(InvalidDeadlinePolicyException.class, () -> DeadlinePolicyLoader.load(
                new ByteArrayInputStream(override.getBytes(StandardCharsets.UTF_8)))).problems();
    }

    static Stream<Arguments> misspeltKeys() {
        return Stream.of(
                Arguments.of("{\"version\": \"x\", \"timezone\": \"UTC\"}",
                        "$.timezone: unknown key; expected one of version, timeZone, levels, calendars, claims,"
                                + " complaints (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"levels\": {\"warningshare\": 0.5}}",
                        "$.levels.warningshare: unknown key; expected one of warningShare, severeMultiplier (check the"
                                + " spelling)"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"defaultcountry\": \"TW\"}}",
                        "$.calendars.defaultcountry: unknown key; expected one of defaultCountry, branchCountries,"
                                + " countries (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"holiday\": []}}}}",
                        "$.calendars.countries.TW.holiday: unknown key; expected one of sources, weekend, years,"
                                + " holidays, workingDays (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"holidays\":"
                                + " [{\"date\": \"2026-01-01\", \"name\": \"Founding Day\", \"observed\": true}]}}}}",
                        "$.calendars.countries.TW.holidays[0].observed: unknown key; expected one of date, name"
                                + " (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"sources\":"
                                + " [{\"year\": 2026, \"status\": \"official\", \"document\": \"DGPA 115\", \"url\": \"u\"},"
                                + " {\"year\": 2027, \"status\": \"official\", \"document\": \"DGPA 116\"}]}}}}",
                        "$.calendars.countries.TW.sources[0].url: unknown key; expected one of year, status, document,"
                                + " published, basis (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"claims\": {\"deadline\": {}}}",
                        "$.claims.deadline: unknown key; expected one of documents, decision, payment, denialNotice,"
                                + " advancePayment, greenChannel (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"claims\": {\"greenChannel\": {\"documentz\": {}}}}",
                        "$.claims.greenChannel.documentz: unknown key; expected one of documents, decision, payment"
                                + " (check the spelling)"),
                Arguments.of("{\"version\": \"x\", \"claims\": {\"greenChannel\": {\"decision\":"
                                + " {\"medium\": {\"amount\": 2, \"unit\": \"calendar_days\"}}}}}",
                        "$.claims.greenChannel.decision.medium: unknown complexity 'medium'; use simple, complex"),
                Arguments.of("{\"version\": \"x\", \"complaints\": {\"general\": {\"firstresponse\": {}}}}",
                        "$.complaints.general.firstresponse: unknown key; expected one of firstResponse, resolution,"
                                + " extendedResolution (check the spelling)"));
    }

    @ParameterizedTest
    @MethodSource("misspeltKeys")
    void aMisspeltKeyAtAnyLevelIsReportedWithItsPath(String override, String problem) {
        assertEquals(List.of(problem), problemsOf(override));
    }

    static Stream<Arguments> limitsLongerThanTheirBound() {
        return Stream.of(
                Arguments.of("{\"version\": \"x\", \"claims\": {\"greenChannel\":"
                                + " {\"documents\": {\"amount\": 4, \"unit\": \"business_days\"}}}}",
                        List.of("$.claims.greenChannel.documents: 4 business days is longer than $.claims.documents"
                                + " (3 business days); green-channel claims must not be given longer than other claims")),
                Arguments.of("{\"version\": \"x\", \"claims\": {\"decision\": {\"property\":"
                                + " {\"complex\": {\"amount\": 9, \"unit\": \"calendar_days\"}}}}}",
                        List.of("$.claims.greenChannel.decision.complex: 10 calendar days is longer than"
                                + " $.claims.decision.property.complex (9 calendar days); green-channel claims must not"
                                + " be given longer than other claims")),
                Arguments.of("{\"version\": \"x\", \"complaints\": {\"general\":"
                                + " {\"firstResponse\": {\"amount\": 31, \"unit\": \"calendar_days\"}}}}",
                        List.of("$.complaints.general.firstResponse: 31 calendar days is longer than"
                                + " $.complaints.general.resolution (30 calendar days); the first response cannot be"
                                + " due after the resolution")),
                Arguments.of("{\"version\": \"x\", \"complaints\": {\"major\":"
                                + " {\"extendedResolution\": {\"amount\": 14, \"unit\": \"calendar_days\"}}}}",
                        List.of("$.complaints.major.resolution: 15 calendar days is longer than"
                                + " $.complaints.major.extendedResolution (14 calendar days); an extension cannot"
                                + " shorten the resolution limit")),
                Arguments.of("{\"version\": \"x\", \"complaints\": {\"major\":"
                                + " {\"firstResponse\": {\"amount\": 3, \"unit\": \"business_days\"}}}}",
                        List.of("$.complaints.major.firstResponse: 3 business days is longer than"
                                + " $.complaints.general.firstResponse (2 business days); major complaints must not be"
                                + " given longer than general ones")),
                Arguments.of("{\"version\": \"x\", \"complaints\": {\"general\":"
                                + " {\"resolution\": {\"amount\": 14, \"unit\": \"calendar_days\"}}}}",
                        List.of("$.complaints.major.resolution: 15 calendar days is longer than"
                                + " $.complaints.general.resolution (14 calendar days); major complaints must not be"
                                + " given longer than general ones")));
    }

    @ParameterizedTest
    @MethodSource("limitsLongerThanTheirBound")
    void aLimitLongerThanTheOneItMustNotExceedIsReportedAgainstIt(String override, List<String> problems) {
        assertEquals(problems, problemsOf(override));
    }

    static Stream<Arguments> calendarMistakes() {
        return Stream.of(
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"Taiwan\": {}}}}",
                        "$.calendars.countries.Taiwan: country codes are two capital letters (ISO 3166), e.g. TW or CN"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"HK\": 5}}}",
                        "$.calendars.countries.HK: must be an object with weekend, years, holidays and workingDays"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"branchCountries\": {\"t\": \"TW\"}}}",
                        "$.calendars.branchCountries.t: not a branch id (2-16 of A-Z 0-9 -, as in the upload format)"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"weekend\": [\"MONDAY\","
                                + " \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]}}}}",
                        "$.calendars.countries.TW.weekend: every day is a weekend day, so no business day would ever"
                                + " come; list only the days not worked"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"holidays\":"
                                + " [{\"date\": \"2026-01-01\", \"name\": \"Founding Day\"}, \"2026-02-17\"]}}}}",
                        "$.calendars.countries.TW.holidays[1]: must be an object; add e.g. {\"date\": \"2026-01-01\","
                                + " \"name\": \"New Year's Day\"}"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"holidays\":"
                                + " [{\"date\": \"2026-01-01\", \"name\": \"Founding Day\"},"
                                + " {\"date\": \"2026-01-01\", \"name\": \"New Year\"}]}}}}",
                        "$.calendars.countries.TW.holidays[1].date: 2026-01-01 is listed twice; keep one entry"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"CN\": {\"holidays\":"
                                + " [{\"date\": \"2026-10-10\", \"name\": \"National Day holiday\"}]}}}}",
                        "$.calendars.countries.CN.workingDays: 2026-10-10 is also listed as a holiday; keep it in one"
                                + " list"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"years\": [2026], \"holidays\": [],"
                                + " \"sources\": [{\"year\": 2026, \"status\": \"official\", \"document\": \"DGPA 115\"},"
                                + " \"DGPA 116\"]}}}}",
                        "$.calendars.countries.TW.sources[1]: must be an object, e.g. {\"year\": 2027, \"status\":"
                                + " \"official\", \"document\": \"the published calendar\", \"published\": \"2026-06-15\"}"),
                Arguments.of("{\"version\": \"x\", \"calendars\": {\"countries\": {\"TW\": {\"years\": [2026], \"holidays\": [],"
                                + " \"sources\": [{\"year\": 2026, \"status\": \"official\", \"document\": \"DGPA 115\"},"
                                + " {\"year\": 2026, \"status\": \"official\", \"document\": \"DGPA 115, reprinted\"}]}}}}",
                        "$.calendars.countries.TW.sources[1].year: 2026 has two sources; keep one"));
    }

    @ParameterizedTest
    @MethodSource("calendarMistakes")
    void aCalendarMistakeIsReportedAtItsEntry(String override, String problem) {
        assertEquals(List.of(problem), problemsOf(override));
    }

    @Test
    void yearsFrom2000To2100AreAcceptedAndOthersNamedByPosition() {
        String calendar = "{\"version\": \"x\", \"calendars\": {\"countries\": {\"XK\": {\"weekend\": [\"SUNDAY\"],"
                + " \"holidays\": [], \"workingDays\": [], \"years\": %s, \"sources\":"
                + " [{\"year\": 2000, \"status\": \"official\", \"document\": \"a\"},"
                + " {\"year\": 2100, \"status\": \"official\", \"document\": \"b\"}]}}}}";

        HolidayCalendar accepted = DeadlinePolicyLoader.load(new ByteArrayInputStream(
                calendar.formatted("[2000, 2100]").getBytes(StandardCharsets.UTF_8))).calendars().countries().get("XK");
        assertEquals(Set.of(2000, 2100), accepted.years());
        assertEquals(List.of(
                "$.calendars.countries.XK.years[0]: must be a year from 2000 to 2100, was 1999",
                "$.calendars.countries.XK.years[3]: must be a year from 2000 to 2100, was 2101",
                "$.calendars.countries.XK.years[4]: must be a year from 2000 to 2100, was \"2050\""),
                problemsOf(calendar.formatted("[1999, 2000, 2100, 2101, \"2050\"]")));
    }

    static Stream<Arguments> numbersAsWritten() {
        return Stream.of(
                Arguments.of("\"warningShare\": 1e29", "$.levels.warningShare: must be greater than 0 and less than 1"
                        + " (0.8 warns when 80% of the time is used), was 100000000000000000000000000000"),
                Arguments.of("\"warningShare\": 1e30", "$.levels.warningShare: must be greater than 0 and less than 1"
                        + " (0.8 warns when 80% of the time is used), was 1E+30"),
                Arguments.of("\"severeMultiplier\": 1e-30", "$.levels.severeMultiplier: must be greater than 1"
                        + " (2 escalates at twice the limit), was 0.000000000000000000000000000001"),
                Arguments.of("\"severeMultiplier\": 1e-31", "$.levels.severeMultiplier: must be greater than 1"
                        + " (2 escalates at twice the limit), was 1E-31"));
    }

    @ParameterizedTest
    @MethodSource("numbersAsWritten")
    void aRefusedNumberIsShownPlainUpToThirtyDigitsEitherSideOfThePoint(String level, String problem) {
        assertEquals(List.of(problem), problemsOf("{\"version\": \"x\", \"levels\": {" + level + "}}"));
    }
}
