package io.qualityhub.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.batch.SqsPartialBatch;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.store.BatchItemWriter;
import java.time.Clock;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Intake function: each SQS message carries S3 notifications of uploads under {@code incoming/}, taken to their
 * outcomes by {@link UploadMessages}. A message that failed is reported back alone (partial batch response) and
 * retried by SQS, then dead-lettered.
 */
public final class IntakeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** Setting: BatchWriteItem requests of a file's rows in flight at once (default {@value BatchItemWriter#DEFAULT_IN_FLIGHT}). */
  public static final String ROW_WRITES_IN_FLIGHT = "ROW_WRITES_IN_FLIGHT";
  /** {@code false} reads each pass's rows on the handler's own thread; by default another thread reads them ahead. */
  public static final String ROW_READ_AHEAD = "ROW_READ_AHEAD";

  private final IntakeWiring wiring;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public IntakeHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), IntakeMetrics::publish, IntakeMetrics::blindIndexKeyMissing);
  }

  /** Used by the local run and tests, which give the emulator's clients and their own metrics sink. */
  public IntakeHandler(Settings settings, AwsClients clients, Consumer<FileOutcome> metrics) {
    this(settings, clients, metrics, () -> { });
  }

  /**
   * @param blindIndexKeyMissing called each time a message fails because the blind-index key is missing or
   *     unreadable (in Lambda: the {@code BlindIndexKeyMissing} metric, which an alarm watches)
   */
  public IntakeHandler(Settings environment, AwsClients clients, Consumer<FileOutcome> metrics, Runnable blindIndexKeyMissing) {
    this(environment, clients, metrics, blindIndexKeyMissing, Clock.systemUTC());
  }

  /**
   * Used by tests and the demo that replay past days: {@code clock} dates when each file arrived, which the upload
   * calendar judges against its cutoff (docs/uploads.md).
   */
  public IntakeHandler(Settings environment, AwsClients clients, Consumer<FileOutcome> metrics, Runnable blindIndexKeyMissing,
      Clock clock) {
    this.wiring = IntakeWiring.of(environment, clients, metrics, blindIndexKeyMissing, clock);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    InvocationBudget budget = InvocationBudget.of(context, wiring.continuationReserveMillis());
    return PowertoolsLogging.withLogging(context,
        () -> SqsPartialBatch.process(event, message -> wiring.messages().process(message.getBody(), budget)));
  }
}
