package io.qualityhub.sampling.function;

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
import io.qualityhub.core.metrics.FunctionMetrics;
import io.qualityhub.core.metrics.ItemsRefusedMetric;
import io.qualityhub.core.store.CurrentFiles;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.intake.DeadlineIndexer;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Findings function: each SQS message is a {@link FileCurrentEvent} of a findings upload (the queue's subscription
 * to the file events topic filters on {@code recordType}). A failed message is reported alone and retried by SQS,
 * then dead-lettered; applying a file twice changes nothing.
 */
public final class FindingsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(FindingsHandler.class);

  private final FindingsService service;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public FindingsHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment());
  }

  /** Used by the local run and tests. */
  public FindingsHandler(Settings environment, AwsClients clients) {
    this(environment, clients, new ItemsRefusedMetric());
  }

  /** @param refused where task and action items refused for their seal are counted (in Lambda: metric ItemsRefused) */
  public FindingsHandler(Settings environment, AwsClients clients, IntegrityFailures refused) {
    // The configuration store's documents in force take the place of the variables they name.
    this(StoredConfiguration.over(environment, clients.dynamoDb()), clients, (settings, awsClients) -> ItemSeal.ofTable("RECORDS_TABLE", settings, awsClients), refused);
  }

  /** @param seals the records table's seal for the settings in force (a test gives a fixed key instead of KMS's) */
  FindingsHandler(Settings settings, AwsClients clients, BiFunction<Settings, AwsClients, ItemSeal> seals,
      IntegrityFailures refused) {
    String table = settings.required("RECORDS_TABLE");
    this.service = new FindingsService(new FindingsObjects(clients.s3(), settings.required("INFRA_KEY_ARN")),
        new CurrentFiles(clients.dynamoDb(), table),
        new InspectionStore(clients.dynamoDb(), DeadlineIndexer.fromSettings(settings),
            seals.apply(settings, clients), refused),
        new PlanSource(settings.optional(PlanSource.OVERRIDE_VARIABLE).orElse(null)).current());
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    return SqsPartialBatch.process(event, message -> {
      FileCurrentEvent file = FileCurrentEvent.fromQueueMessage(message.getBody());
      service.apply(file).ifPresentOrElse(result -> {
            FunctionMetrics.publish(Map.of("FindingsRecorded", result.applied(), "FindingsRefused", result.rejected().size()));
            LOG.info("findings applied", entry("objectKey", file.objectKey()),
                entry("generation", file.generation()), entry("applied", result.applied()),
                entry("unchanged", result.unchanged()), entry("rejected", result.rejected().size()),
                entry("rejectsKey", result.rejectsKey()));
          },
          () -> LOG.info("findings of a replaced upload skipped", entry("objectKey", file.objectKey()),
              entry("generation", file.generation())));
    });
  }

}
