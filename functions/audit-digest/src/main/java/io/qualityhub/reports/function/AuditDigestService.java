package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.audit.AuditChain;
import io.qualityhub.reports.audit.AuditDigest;
import io.qualityhub.core.time.AsOf;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the digest of the audit chain head at the end of a day, where the bucket's default Object Lock retention keeps
 * it unchangeable: a later rewrite of the chain cannot match the digests already locked. A day's digest is written once
 * and never replaced (a repeated run keeps the first), and links to the latest digest before it. A day earlier than a
 * digest already stored is refused: putting it into the sequence would break the link of the digest after it.
 */
final class AuditDigestService {

  private static final Logger LOG = LoggerFactory.getLogger(AuditDigestService.class);

  /** The locked digests ({@link DigestArchive}). */
  interface Archive {
    /** The days that have a digest, oldest first. */
    List<LocalDate> days();

    DigestArchive.Stored read(LocalDate day);

    /** @return false when the day already had a digest, which stays */
    boolean writeFirst(AuditDigest digest);
  }

  private final Supplier<List<AccessRecord>> trail;
  private final Archive archive;
  private final ZoneId zone;

  /**
   * @param trail the access trail's records in chain order
   * @param zone  the company's time zone, where a day begins and ends
   */
  AuditDigestService(Supplier<List<AccessRecord>> trail, Archive archive, ZoneId zone) {
    this.trail = trail;
    this.archive = archive;
    this.zone = zone;
  }

  /**
   * The day asked for ({@code 2026-11-24}), or when none is, the day before {@code now} in the company's zone.
   *
   * @throws io.qualityhub.core.time.InvalidAsOfException when the day asked for is not a date
   */
  LocalDate dayToWrite(Optional<?> asked, AsOf now) {
    return asked.map(day -> AsOf.parse("day", day, AsOf.Form.DATE, zone).date(zone))
        .orElseGet(() -> now.date(zone).minusDays(1));
  }

  /**
   * Writes the digest of {@code day} unless it is already stored; returns its object key.
   *
   * @throws IllegalStateException when a later day already has a digest, or the digest before it does not read back
   */
  String write(LocalDate day) {
    List<LocalDate> stored = archive.days();
    Optional<LocalDate> later = stored.stream().filter(other -> other.isAfter(day)).findFirst();
    if (later.isPresent() && !stored.contains(day)) {
      throw new IllegalStateException("the audit digest of " + day + " cannot be written: the digest of " + later.get()
          + " is already locked and links to the one before it, so " + day + " stays without a digest");
    }
    AuditDigest previous = stored.stream().filter(other -> other.isBefore(day)).reduce((first, second) -> second)
        .map(archive::read)
        .map(read -> read.digest().orElseThrow(() -> new IllegalStateException("the audit digest of " + read.day()
            + " does not read back (" + read.unreadable().orElse("") + "); run audit verify")))
        .orElse(null);
    AuditDigest digest = AuditChain.dailyDigest(trail.get(), day, zone, previous);
    boolean written = archive.writeFirst(digest);
    FunctionMetrics.publish("DigestsWritten", written ? 1 : 0);
    if (written) {
      LOG.info("audit digest written", entry("day", day.toString()), entry("records", digest.recordCount()),
          entry("head", digest.headHash()));
    } else {
      LOG.info("audit digest already locked for the day; kept the first", entry("day", day.toString()),
          entry("records", digest.recordCount()), entry("head", digest.headHash()));
    }
    return DigestArchive.key(day);
  }
}
