package io.qualityhub.deadlines;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertClaimsTest {

    private static Alert alert(String itemId, DeadlineClockName clock, AlertLevel level) {
        OpenDeadline deadline = new OpenDeadline(ItemType.COMPLAINT, itemId, "TPE-01", clock, at("2026-11-02T10:00"),
                at("2026-11-03T10:00"), DeadlineLimit.of(24, LimitUnit.HOURS), "major", "S-4", true);
        return new Alert(deadline, level, 1, 0);
    }

    @Test
    void theKeyNamesItemClockAndLevel() {
        AlertClaimKey key = AlertClaims.keyFor(alert("CP-9", DeadlineClockName.FIRST_RESPONSE, AlertLevel.OVERDUE));

        assertEquals(new AlertClaimKey("ALERT#complaint#TPE-01#CP-9", "first_response#overdue"), key);
    }

    @Test
    void theSameItemAndLevelAlwaysGiveTheSameKeyWhateverTheRun() {
        Alert monday = new Alert(alert("CP-9", DeadlineClockName.RESOLUTION, AlertLevel.DUE).deadline(),
                AlertLevel.DUE, 15, 0);
        Alert mondayAgain = new Alert(monday.deadline(), AlertLevel.DUE, 15, 0);

        assertEquals(AlertClaims.keyFor(monday), AlertClaims.keyFor(mondayAgain));
        assertNotEquals(AlertClaims.keyFor(monday),
                AlertClaims.keyFor(alert("CP-9", DeadlineClockName.RESOLUTION, AlertLevel.OVERDUE)));
        assertNotEquals(AlertClaims.keyFor(monday),
                AlertClaims.keyFor(alert("CP-9", DeadlineClockName.FIRST_RESPONSE, AlertLevel.DUE)));
    }

    @Test
    void aRetryOfTheSameRunResumesItsOwnClaimAtOnce() {
        Instant claimedAt = Instant.parse("2026-11-24T00:00:00Z");

        assertTrue(AlertClaims.mayResume("daily-2026-11-24", claimedAt, "daily-2026-11-24", claimedAt.plusSeconds(5)));
    }

    @Test
    void anotherRunsUnfinishedClaimIsLeftAloneUntilTheLeaseEnds() {
        Instant claimedAt = Instant.parse("2026-11-24T00:00:00Z");

        assertFalse(AlertClaims.mayResume("daily-2026-11-24", claimedAt, "hourly-2026-11-24T09",
                claimedAt.plusSeconds(20 * 60 - 1)));
        assertTrue(AlertClaims.mayResume("daily-2026-11-24", claimedAt, "hourly-2026-11-24T09",
                claimedAt.plusSeconds(20 * 60)));
    }
}
