package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.RecordState;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one file event to the figures. The state the file gives of each record replaces the states its replaced
 * generation gave ({@link ContributionStore}: each record counts once, from its latest state, on the days of its own
 * dates); the portfolio, kept per file, has its file's aggregate stored in place of the replaced one. An event whose
 * generation is no longer current changes nothing: the newer generation's own event carries its file. Redelivery
 * writes the same items again.
 */
public final class AggregateService {

  private static final Logger LOG = LoggerFactory.getLogger(AggregateService.class);

  /**
   * What happened to one file event. Findings files are {@code NOT_AGGREGATED}: a later findings file restates
   * an inspection to report its action done, so inspections and actions count from the findings function's latest
   * state (the report function's {@code FindingsAggregates}) instead.
   */
  public enum Outcome { STORED, STALE_IGNORED, NOT_CURRENT, NOT_AGGREGATED }

  /**
   * The current generation's slot as intake left it.
   *
   * @param orderToken orders the uploads of one file
   * @param withdrawn  intake withdrew the upload (it disagreed with its branch manifest): its rows no longer count
   */
  record CurrentUpload(String orderToken, boolean withdrawn) {}

  /** Intake's pointer to each file's current generation ({@code CurrentFiles}). */
  interface CurrentUploads {
    /** The upload's slot while the event's generation is current; empty once a newer upload replaced it. */
    Optional<CurrentUpload> ifCurrent(FileCurrentEvent file);
  }

  /** Reads an upload again as intake accepted it ({@link FileAggregator}). */
  interface Uploads {
    /** What a withdrawn portfolio upload counts: no rows. */
    FileAggregate nothing(FileCurrentEvent file) throws IOException;

    FileAggregate aggregate(FileCurrentEvent file) throws IOException;

    void states(FileCurrentEvent file, BiConsumer<String, RecordState> sink) throws IOException;
  }

  /** The portfolio's aggregates, one per file ({@link AggregateStore}). */
  interface PortfolioAggregates {
    /** @return false when a later upload's aggregate is already stored (it stays) */
    boolean putUnlessNewer(String fileId, String generation, String orderToken, FileAggregate aggregate);
  }

  /** The per-record states, by the file that carried them ({@link ContributionStore}). */
  interface RecordStates {
    FileStates open(String branch, AggregateOrigin type, LocalDate fileDate, String orderToken);
  }

  /** One file's states, applied as they are read. */
  interface FileStates {
    void put(String id, RecordState state);

    /** Withdraws what the file's earlier upload carried and this one does not (all, when {@code withdrawn}). */
    void finish(boolean withdrawn);
  }

  private final CurrentUploads currentUploads;
  private final Uploads uploads;
  private final PortfolioAggregates portfolio;
  private final RecordStates recordStates;

  AggregateService(CurrentUploads currentUploads, Uploads uploads, PortfolioAggregates portfolio,
      RecordStates recordStates) {
    this.currentUploads = currentUploads;
    this.uploads = uploads;
    this.portfolio = portfolio;
    this.recordStates = recordStates;
  }

  /** Applies the event's file if its generation is still current. */
  public Outcome process(FileCurrentEvent file) throws IOException {
    Outcome outcome = apply(file);
    LOG.info("file aggregate {}", outcome.name().toLowerCase(Locale.ROOT), entry("fileId", file.fileId()),
        entry("generation", file.generation()), entry("replacedGeneration", file.replacedGeneration()));
    return outcome;
  }

  private Outcome apply(FileCurrentEvent file) throws IOException {
    if (RecordType.FINDINGS.wireName().equals(file.recordType())
        || RecordType.INSPECTORS.wireName().equals(file.recordType())) {
      return Outcome.NOT_AGGREGATED; // the roster is read by sampling, and counts nothing in reports
    }
    Optional<CurrentUpload> current = currentUploads.ifCurrent(file);
    if (current.isEmpty()) {
      return Outcome.NOT_CURRENT;
    }
    boolean withdrawn = current.get().withdrawn();
    if (RecordType.PORTFOLIO.wireName().equals(file.recordType())) {
      FileAggregate aggregate = withdrawn ? uploads.nothing(file) : uploads.aggregate(file);
      return portfolio.putUnlessNewer(file.fileId(), file.generation(), current.get().orderToken(), aggregate)
          ? Outcome.STORED : Outcome.STALE_IGNORED;
    }
    FileStates states = recordStates.open(file.branch(),
        AggregateOrigin.of(RecordType.fromWireName(file.recordType()).orElseThrow(() -> new IllegalArgumentException(
            "file event " + file.fileId() + " names record type '" + file.recordType() + "', which the upload format has not"))),
        LocalDate.parse(file.businessDate()), current.get().orderToken());
    if (!withdrawn) {
      uploads.states(file, states::put);
    }
    states.finish(withdrawn);
    return Outcome.STORED;
  }
}
