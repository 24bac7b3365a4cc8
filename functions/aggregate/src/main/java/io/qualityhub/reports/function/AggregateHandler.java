package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.batch.SqsPartialBatch;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.store.CurrentFiles;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.intake.DeadlineIndexer;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import io.qualityhub.core.metrics.FunctionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Aggregate function: each SQS message is a {@link FileCurrentEvent} (raw, or in its SNS envelope).
 * Applies the state the file gives of each record in place of the states its replaced generation gave
 * ({@link ContributionStore}: each record counts once, from its latest state, on the days of its own dates); the
 * portfolio, kept per file, has its file's aggregate stored in place of the replaced one. An event whose
 * generation is no longer current is skipped: the newer generation's own event carries its
 * file. Redelivery writes the same items again, so the function is idempotent.
 */
public final class AggregateHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(AggregateHandler.class);

  /**
   * What happened to one file event. Findings files are {@code NOT_AGGREGATED}: a later findings file restates
   * an inspection to report its action done, so inspections and actions count from the findings function's latest
   * state (the report function's {@code FindingsAggregates}) instead.
   */
  public enum Outcome { STORED, STALE_IGNORED, NOT_CURRENT, NOT_AGGREGATED }

  private final CurrentFiles currentFiles;
  private final FileAggregator aggregator;
  private final AggregateStore store;
  private final ContributionStore contributions;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public AggregateHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment());
  }

  /** Used by the local run and tests, with the emulator's clients. */
  public AggregateHandler(Settings environment, AwsClients clients) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    this.currentFiles = new CurrentFiles(clients.dynamoDb(), settings.required("RECORDS_TABLE"));
    this.aggregator = new FileAggregator(clients.s3(), UploadDecoder.formatVersion1(),
        new DeadlineVerdicts(DeadlineIndexer.policyOf(settings)));
    // Writes only: nothing this function reads is an aggregate, so nothing is refused here.
    ItemSeal seal = ItemSeal.ofTable("REPORTS_TABLE", settings, clients);
    this.store = new AggregateStore(clients.dynamoDb(), seal, refused -> {
      throw refused;
    });
    this.contributions = new ContributionStore(clients.dynamoDb(), seal, refused -> {
      throw refused;
    }, Clock.systemUTC());
  }


  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    AtomicInteger updated = new AtomicInteger();
    SQSBatchResponse response = SqsPartialBatch.process(event, message -> {
      FileCurrentEvent file = FileCurrentEvent.fromQueueMessage(message.getBody());
      Outcome outcome = process(file);
      if (outcome == Outcome.STORED) {
        updated.incrementAndGet();
      }
      LOG.info("file aggregate {}", outcome.name().toLowerCase(java.util.Locale.ROOT),
          entry("fileId", file.fileId()), entry("generation", file.generation()),
          entry("replacedGeneration", file.replacedGeneration()));
    });
    FunctionMetrics.publish("AggregatesUpdated", updated.get());
    return response;
  }

  /** Builds and stores the aggregate of the event's file, if its generation is still current. */
  public Outcome process(FileCurrentEvent file) throws IOException {
    if (RecordType.FINDINGS.wireName().equals(file.recordType())
        || RecordType.INSPECTORS.wireName().equals(file.recordType())) {
      return Outcome.NOT_AGGREGATED; // the roster is read by sampling, and counts nothing in reports
    }
    Optional<Map<String, AttributeValue>> current = currentFiles.ifCurrent(file);
    if (current.isEmpty()) {
      return Outcome.NOT_CURRENT;
    }
    String orderToken = current.get().get("orderToken").s();
    // Intake withdrew the upload (it disagreed with its branch manifest): its rows no longer count.
    boolean withdrawn = current.get().containsKey("withdrawnFor");
    if (RecordType.PORTFOLIO.wireName().equals(file.recordType())) {
      FileAggregate aggregate = withdrawn ? aggregator.nothing(file) : aggregator.aggregate(file);
      return store.put(file.fileId(), file.generation(), orderToken, aggregate) == AggregateStore.PutOutcome.STORED
          ? Outcome.STORED : Outcome.STALE_IGNORED;
    }
    ContributionStore.FileStates states = contributions.open(file.branch(),
        io.qualityhub.reports.aggregate.RecordType.valueOf(file.recordType().toUpperCase(Locale.ROOT)),
        LocalDate.parse(file.businessDate()), orderToken);
    if (!withdrawn) {
      aggregator.states(file, states::put);
    }
    states.finish(withdrawn);
    return Outcome.STORED;
  }

}
