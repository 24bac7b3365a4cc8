package io.qualityhub.reports.function;

import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.validate.AcceptedRows;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.validate.IdIndex;
import io.qualityhub.core.validate.RowSink;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.report.ProblemItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.RecordContribution;
import io.qualityhub.reports.aggregate.RecordState;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads one upload again, from its exact object version with the same decoder and scanner intake used, so it counts
 * exactly the rows intake accepted: the state it gives of each record ({@link #states}), or for the portfolio the
 * file's aggregate. Claims and complaints count once per id, at the id's latest row in the file (found in a first
 * pass). Findings files are not aggregated ({@link AggregateService} skips them).
 */
final class FileAggregator implements AggregateService.Uploads {

  private final S3Client s3;
  private final AcceptedRows acceptedRows;
  private final DeadlineVerdicts verdicts;

  FileAggregator(S3Client s3, UploadDecoder decoder, DeadlineVerdicts verdicts) {
    this.s3 = s3;
    this.acceptedRows = new AcceptedRows(decoder);
    this.verdicts = verdicts;
  }

  /**
   * What a withdrawn upload contributes: nothing. Intake withdraws an upload that disagrees with its branch manifest
   * after it was stored; its slot then holds an aggregate of no rows, ordered after the upload's own.
   */
  @Override
  public FileAggregate nothing(FileCurrentEvent event) throws IOException {
    UploadKey key = parseKey(event);
    return new FileAggregate(new AggregateAccumulator(
        new AggregateKey(key.branch(), key.businessDate(), AggregateOrigin.of(key.type()), 0)).toAggregate(), List.of());
  }

  /**
   * The aggregate of a file whose figures are kept per file (the portfolio: policies in force by month), not record
   * by record.
   */
  @Override
  public FileAggregate aggregate(FileCurrentEvent event) throws IOException {
    UploadKey key = parseKey(event);
    AggregateAccumulator accumulator = new AggregateAccumulator(
        new AggregateKey(key.branch(), key.businessDate(), AggregateOrigin.of(key.type()), 0));
    FactReader facts = new FactReader(key.type(), key.branch(), verdicts);
    scan(event, key, (line, values) -> facts.read(values).ifPresent(accumulator::accept));
    return new FileAggregate(accumulator.toAggregate(), List.of());
  }

  /**
   * The state the event's file gives of each record it carries (for claims and complaints the id's latest row in the
   * file), with what the record adds on the days of its own dates, handed to {@code sink} one record at a time.
   */
  @Override
  public void states(FileCurrentEvent event, BiConsumer<String, RecordState> sink) throws IOException {
    UploadKey key = parseKey(event);
    AggregateOrigin type = AggregateOrigin.of(key.type());
    FactReader facts = new FactReader(key.type(), key.branch(), verdicts);
    int idIndex = key.type().idIndex();
    int versionIndex = key.type().versionColumn().map(key.type()::indexOf).orElse(-1);
    try (IdIndex latest = new IdIndex()) {
      if (versionIndex >= 0) {
        scan(event, key, (line, values) -> latest.keepLatest(values[idIndex],
            OffsetDateTime.parse(values[versionIndex]).toInstant().toEpochMilli(), line));
      }
      scan(event, key, (line, values) -> {
        if (versionIndex >= 0 && latest.lineOf(values[idIndex]) != line) {
          return;
        }
        facts.read(values).ifPresent(fact -> {
          RecordContribution contribution = RecordContribution.of(key.branch(), type, fact, facts.countingDays(values));
          for (LocalDate day : contribution.byDay().keySet()) {
            Optional<String> problem = problemOf(fact, day);
            if (problem.isPresent() && listable(values[idIndex])) {
              contribution = contribution.withProblem(day, problem.get());
            }
          }
          Long version = versionIndex < 0 ? null : OffsetDateTime.parse(values[versionIndex]).toInstant().toEpochMilli();
          sink.accept(values[idIndex], new RecordState(key.businessDate(), version, contribution));
        });
      });
    }
  }

  /** Late on {@code day}: the settlement or resolution the record counts on that day was late. */
  private static Optional<String> problemOf(Fact fact, LocalDate day) {
    if (fact instanceof ClaimFact claim && claim.settled() && claim.closedAt().toLocalDate().equals(day)
        && Boolean.FALSE.equals(claim.settledWithinDeadline())) {
      return Optional.of(FileAggregate.SETTLED_LATE);
    }
    if (fact instanceof ComplaintFact complaint && complaint.resolvedAt() != null
        && complaint.resolvedAt().toLocalDate().equals(day) && Boolean.FALSE.equals(complaint.resolvedOnTime())) {
      return Optional.of(FileAggregate.RESOLVED_LATE);
    }
    return Optional.empty();
  }

  /** Ids that do not look like record ids (ProblemItem refuses them) are listed nowhere rather than risk free text. */
  private static boolean listable(String id) {
    try {
      new ProblemItem(id, FileAggregate.SETTLED_LATE);
      return true;
    } catch (IllegalArgumentException notAnId) {
      return false; // counted all the same
    }
  }

  private void scan(FileCurrentEvent event, UploadKey key, RowSink sink) throws IOException {
    try (InputStream raw = s3.getObject(request -> request.bucket(event.bucket()).key(event.objectKey())
            .versionId(event.versionId()))) {
      acceptedRows.forEach(raw, key, "object " + event.objectKey() + " version " + event.versionId(), sink);
    }
  }

  private static UploadKey parseKey(FileCurrentEvent event) throws IOException {
    try {
      return UploadKey.parse(event.objectKey());
    } catch (FileRefusedException e) {
      throw new IOException("file event names object " + event.objectKey()
          + ", which is no upload key; intake publishes only accepted uploads", e);
    }
  }
}
