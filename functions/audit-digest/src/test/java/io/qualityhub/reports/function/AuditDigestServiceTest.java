package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.AuditDigest;
import io.qualityhub.core.time.AsOf;
import io.qualityhub.core.time.InvalidAsOfException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuditDigestServiceTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
  private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");

  private final List<AccessRecord> trail = new ArrayList<>();
  private final Map<LocalDate, DigestArchive.Stored> locked = new TreeMap<>();
  private final AuditDigestService service = new AuditDigestService(() -> List.copyOf(trail), new AuditDigestService.Archive() {
    @Override
    public List<LocalDate> days() {
      return List.copyOf(locked.keySet());
    }

    @Override
    public DigestArchive.Stored read(LocalDate day) {
      return locked.get(day);
    }

    @Override
    public boolean writeFirst(AuditDigest digest) {
      return locked.putIfAbsent(digest.day(), new DigestArchive.Stored(digest.day(), DigestArchive.key(digest.day()),
          Optional.of(digest), Optional.empty())) == null;
    }
  }, TAIPEI);

  @Test
  void aDaysDigestLocksTheLastRecordStampedBeforeMidnightInTaipeiAndLinksToThePreviousDigest() {
    AccessRecord first = access("2026-11-01T15:59:59.999Z"); // 23:59:59.999 in Taipei on 1 November
    AccessRecord second = access("2026-11-01T16:00:00Z", first); // midnight in Taipei: 2 November's
    trail.addAll(List.of(first, second));

    assertEquals("audit/digests/2026-11-01.txt", service.write(NOV_1));
    assertEquals("audit/digests/2026-11-02.txt", service.write(NOV_2));

    AuditDigest firstDay = locked.get(NOV_1).digest().orElseThrow();
    assertEquals(new AuditDigest(NOV_1, 1, first.hash(), AccessRecord.GENESIS_HASH), firstDay);
    assertEquals(new AuditDigest(NOV_2, 2, second.hash(), firstDay.seal()), locked.get(NOV_2).digest().orElseThrow());
  }

  @Test
  void aRepeatedRunKeepsTheFirstDigestAndAnswersWithTheSameKey() {
    AccessRecord first = access("2026-11-01T01:00:00Z");
    trail.add(first);
    service.write(NOV_1);
    trail.add(access("2026-11-01T02:00:00Z", first));

    assertEquals("audit/digests/2026-11-01.txt", service.write(NOV_1));

    assertEquals(new AuditDigest(NOV_1, 1, first.hash(), AccessRecord.GENESIS_HASH), locked.get(NOV_1).digest().orElseThrow());
  }

  @Test
  void aDayBeforeALockedDigestIsRefusedAndStaysWithoutOne() {
    service.write(NOV_2);

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> service.write(NOV_1));

    assertEquals("the audit digest of 2026-11-01 cannot be written: the digest of 2026-11-02 is already locked and links"
        + " to the one before it, so 2026-11-01 stays without a digest", refused.getMessage());
    assertEquals(List.of(NOV_2), List.copyOf(locked.keySet()));
  }

  @Test
  void anAlteredPreviousDigestStopsTheNextDaysAndSaysWhatToRun() {
    locked.put(NOV_1, new DigestArchive.Stored(NOV_1, "audit/digests/2026-11-01.txt", Optional.empty(),
        Optional.of("its seal does not match")));

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> service.write(NOV_2));

    assertEquals("the audit digest of 2026-11-01 does not read back (its seal does not match); run audit verify",
        refused.getMessage());
    assertEquals(List.of(NOV_1), List.copyOf(locked.keySet()));
  }

  @Test
  void withoutADayTheRunWritesYesterdayInTaipei() {
    AsOf justAfterMidnightInTaipei = new AsOf(Instant.parse("2026-11-02T16:05:00Z")); // 00:05 on 3 November in Taipei

    assertEquals(NOV_2, service.dayToWrite(Optional.empty(), justAfterMidnightInTaipei));
    assertEquals(LocalDate.parse("2026-10-30"), service.dayToWrite(Optional.of("2026-10-30"), justAfterMidnightInTaipei));
  }

  @Test
  void aDayThatIsNotADateIsRefusedWithHowToWriteIt() {
    InvalidAsOfException refused = assertThrows(InvalidAsOfException.class,
        () -> service.dayToWrite(Optional.of("2026-11-31"), new AsOf(Instant.parse("2026-12-05T00:00:00Z"))));

    assertEquals("day '2026-11-31' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24", refused.getMessage());
  }

  private static AccessRecord access(String time) {
    return AccessRecord.next(AccessRecord.GENESIS_HASH, "auditor-1", "auditor", "reports/x.pdf", AccessRecord.Decision.ALLOW,
        Instant.parse(time), "192.0.2.7", "curl/8");
  }

  private static AccessRecord access(String time, AccessRecord previous) {
    return AccessRecord.next(previous.hash(), "auditor-1", "auditor", "reports/x.pdf", AccessRecord.Decision.ALLOW,
        Instant.parse(time), "192.0.2.7", "curl/8");
  }
}
