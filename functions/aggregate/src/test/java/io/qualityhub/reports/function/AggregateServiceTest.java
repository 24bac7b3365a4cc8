package io.qualityhub.reports.function;

import io.qualityhub.core.format.RecordType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.RecordContribution;
import io.qualityhub.reports.aggregate.RecordState;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class AggregateServiceTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-23");
  private static final FileAggregate PORTFOLIO_FIGURES = new FileAggregate(null, List.of());
  private static final FileAggregate NO_ROWS = new FileAggregate(null, List.of());

  /** What the service read and wrote, in order. */
  private final List<String> log = new ArrayList<>();
  private Optional<AggregateService.CurrentUpload> current = Optional.of(new AggregateService.CurrentUpload("0002", false));
  private boolean laterPortfolioStored;

  private final AggregateService service = new AggregateService(
      file -> {
        log.add("current? " + file.fileId() + " " + file.generation());
        return current;
      },
      new AggregateService.Uploads() {
        @Override
        public FileAggregate nothing(FileCurrentEvent file) {
          return NO_ROWS;
        }

        @Override
        public FileAggregate aggregate(FileCurrentEvent file) {
          log.add("read " + file.objectKey());
          return PORTFOLIO_FIGURES;
        }

        @Override
        public void states(FileCurrentEvent file, BiConsumer<String, RecordState> sink) {
          log.add("read " + file.objectKey());
          sink.accept("CLM-1", new RecordState(DAY, 1L, RecordContribution.NOTHING));
          sink.accept("CLM-2", new RecordState(DAY, 2L, RecordContribution.NOTHING));
        }
      },
      (fileId, generation, orderToken, aggregate) -> {
        log.add("portfolio " + fileId + " " + generation + " " + orderToken + " "
            + (aggregate == NO_ROWS ? "no rows" : "figures"));
        return !laterPortfolioStored;
      },
      (branch, type, fileDate, orderToken) -> {
        log.add("open " + branch + " " + type + " " + fileDate + " " + orderToken);
        return new AggregateService.FileStates() {
          @Override
          public void put(String id, RecordState state) {
            log.add("state " + id + " v" + state.version());
          }

          @Override
          public void finish(boolean withdrawn) {
            log.add(withdrawn ? "withdraw every state" : "withdraw states the file no longer carries");
          }
        };
      });

  @Test
  void aCurrentClaimsFileReplacesItsRecordsStatesUnderItsOwnDayAndOrder() throws IOException {
    assertEquals(AggregateService.Outcome.STORED, service.process(event("claims", "g2")));

    assertEquals(List.of("current? TPE-01/claims/2026-11-23 g2", "open TPE-01 " + AggregateOrigin.of(RecordType.CLAIMS) + " 2026-11-23 0002",
        "read uploads/TPE-01/2026-11-23/claims.csv", "state CLM-1 v1", "state CLM-2 v2",
        "withdraw states the file no longer carries"), log);
  }

  @Test
  void aWithdrawnUploadWithdrawsEveryStateItGaveWithoutReadingTheFile() throws IOException {
    current = Optional.of(new AggregateService.CurrentUpload("0002", true));

    assertEquals(AggregateService.Outcome.STORED, service.process(event("claims", "g2")));

    assertEquals(List.of("current? TPE-01/claims/2026-11-23 g2", "open TPE-01 " + AggregateOrigin.of(RecordType.CLAIMS) + " 2026-11-23 0002",
        "withdraw every state"), log);
  }

  @Test
  void aLateEventOfAReplacedUploadChangesNothing() throws IOException {
    current = Optional.empty();

    assertEquals(AggregateService.Outcome.NOT_CURRENT, service.process(event("claims", "g1")));

    assertEquals(List.of("current? TPE-01/claims/2026-11-23 g1"), log);
  }

  @Test
  void findingsAndTheInspectorRosterCountNothingHere() throws IOException {
    assertEquals(AggregateService.Outcome.NOT_AGGREGATED, service.process(event("findings", "g2")));
    assertEquals(AggregateService.Outcome.NOT_AGGREGATED, service.process(event("inspectors", "g2")));

    assertEquals(List.of(), log);
  }

  @Test
  void thePortfolioKeepsOneAggregatePerFileAndALaterUploadsAggregateStays() throws IOException {
    assertEquals(AggregateService.Outcome.STORED, service.process(event("portfolio", "g2")));
    laterPortfolioStored = true;
    assertEquals(AggregateService.Outcome.STALE_IGNORED, service.process(event("portfolio", "g2")));
    current = Optional.of(new AggregateService.CurrentUpload("0003", true));
    laterPortfolioStored = false;
    assertEquals(AggregateService.Outcome.STORED, service.process(event("portfolio", "g3")));

    assertEquals(List.of("current? TPE-01/portfolio/2026-11-23 g2", "read uploads/TPE-01/2026-11-23/portfolio.csv",
        "portfolio TPE-01/portfolio/2026-11-23 g2 0002 figures",
        "current? TPE-01/portfolio/2026-11-23 g2", "read uploads/TPE-01/2026-11-23/portfolio.csv",
        "portfolio TPE-01/portfolio/2026-11-23 g2 0002 figures",
        "current? TPE-01/portfolio/2026-11-23 g3", "portfolio TPE-01/portfolio/2026-11-23 g3 0003 no rows"), log);
  }

  private static FileCurrentEvent event(String type, String generation) {
    return new FileCurrentEvent("TPE-01/" + type + "/2026-11-23", "TPE-01", type, "2026-11-23", generation, "uploads",
        "uploads/TPE-01/2026-11-23/" + type + ".csv", "v-" + generation, null, null, 10, 0);
  }
}
