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
import io.qualityhub.reports.aggregate.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.report.ProblemItem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the aggregate of one upload, read again from its exact object version with the same
 * decoder and scanner intake used, so it counts exactly the rows intake accepted. Claims and
 * complaints count once per id, at the id's latest row in the file (found in a first pass). Findings files are
 * not aggregated ({@link AggregateHandler} skips them).
 */
final class FileAggregator {

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
  FileAggregate nothing(FileCurrentEvent event) throws IOException {
    UploadKey key = parseKey(event);
    return new FileAggregate(new AggregateAccumulator(
        new AggregateKey(key.branch(), key.businessDate(), RecordType.valueOf(key.type().name()), 0)).toAggregate(), List.of());
  }

  FileAggregate aggregate(FileCurrentEvent event) throws IOException {
    UploadKey key = parseKey(event);
    AggregateAccumulator accumulator = new AggregateAccumulator(
        new AggregateKey(key.branch(), key.businessDate(), RecordType.valueOf(key.type().name()), 0));
    List<ProblemItem> problems = new ArrayList<>();
    FactReader facts = new FactReader(key.type(), key.branch(), verdicts);
    int idIndex = key.type().idIndex();
    if (key.type().keepsLatestState()) {
      int versionIndex = key.type().indexOf(key.type().versionColumn().orElseThrow());
      try (IdIndex latest = new IdIndex()) {
        scan(event, key, (line, values) -> latest.keepLatest(values[idIndex],
            OffsetDateTime.parse(values[versionIndex]).toInstant().toEpochMilli(), line));
        scan(event, key, (line, values) -> {
          if (latest.lineOf(values[idIndex]) == line) {
            facts.read(values).ifPresent(fact -> {
              accumulator.accept(fact);
              problemOf(fact, key.businessDate()).ifPresent(reason -> addProblem(problems, values[idIndex], reason));
            });
          }
        });
      }
    } else {
      scan(event, key, (line, values) -> facts.read(values).ifPresent(accumulator::accept));
    }
    return new FileAggregate(accumulator.toAggregate(), problems);
  }

  /** Late in this file's own day: where the aggregate counts the settlement or resolution. */
  private static Optional<String> problemOf(Fact fact, LocalDate businessDate) {
    if (fact instanceof ClaimFact claim && claim.settled() && claim.closedAt().toLocalDate().equals(businessDate)
        && Boolean.FALSE.equals(claim.settledWithinDeadline())) {
      return Optional.of(FileAggregate.SETTLED_LATE);
    }
    if (fact instanceof ComplaintFact complaint && complaint.resolvedAt() != null
        && complaint.resolvedAt().toLocalDate().equals(businessDate) && Boolean.FALSE.equals(complaint.resolvedOnTime())) {
      return Optional.of(FileAggregate.RESOLVED_LATE);
    }
    return Optional.empty();
  }

  /** Ids that do not look like record ids (ProblemItem refuses them) are left out rather than risk free text. */
  private static void addProblem(List<ProblemItem> problems, String id, String reason) {
    if (problems.size() < FileAggregate.MAX_PROBLEMS) {
      try {
        problems.add(new ProblemItem(id, reason));
      } catch (IllegalArgumentException notAnId) {
        // counted in the aggregate all the same
      }
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
