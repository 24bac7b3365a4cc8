package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.batch.SqsPartialBatch;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.metrics.FunctionMetrics;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Aggregate function: each SQS message is a {@link FileCurrentEvent} (raw, or in its SNS envelope), applied to the
 * figures by {@link AggregateService}. A failed message is reported alone and retried by SQS, then dead-lettered.
 */
public final class AggregateHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final AggregateService service;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public AggregateHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment());
  }

  /** Used by the local run and tests, with the emulator's clients. */
  public AggregateHandler(Settings environment, AwsClients clients) {
    this.service = AggregateWiring.of(environment, clients);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      AtomicInteger updated = new AtomicInteger();
      SQSBatchResponse response = SqsPartialBatch.process(event, message -> {
        if (process(FileCurrentEvent.fromQueueMessage(message.getBody())) == AggregateService.Outcome.STORED) {
          updated.incrementAndGet();
        }
      });
      FunctionMetrics.publish("AggregatesUpdated", updated.get());
      return response;
    });
  }

  /** Applies one file event, as a message of the queue would. */
  public AggregateService.Outcome process(FileCurrentEvent file) throws IOException {
    return service.process(file);
  }
}
