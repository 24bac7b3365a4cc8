package io.qualityhub.deadlines;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadlineLimitTest {

    @ParameterizedTest
    @CsvSource({
            "1, CALENDAR_DAYS, 1 calendar day",
            "1, BUSINESS_DAYS, 1 business day",
            "1, HOURS, 1 hour",
            "2, HOURS, 2 hours",
            "15, CALENDAR_DAYS, 15 calendar days"})
    void aLimitOfOneUnitIsNamedInTheSingular(int amount, LimitUnit unit, String described) {
        assertEquals(described, DeadlineLimit.of(amount, unit).describe());
    }
}
