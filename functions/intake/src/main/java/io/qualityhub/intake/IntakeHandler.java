package io.qualityhub.intake;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.batch.SqsPartialBatch;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.store.BatchItemWriter;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.BlindIndexKeyMissingException;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.parse.UploadDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Intake function: each SQS message carries S3 notifications of uploads under {@code incoming/}.
 * A message whose objects all went through (processed, refused or superseded: all final) is
 * done; one that failed is reported back alone (partial batch response) and retried by SQS, then
 * dead-lettered.
 */
public final class IntakeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);
  /**
   * A third of Lambda's 900 s: what is left when the rows' pass stops must cover the claim states and the
   * withdrawal of a replaced generation, which do not stop at checkpoints (decision 0017).
   */
  static final long DEFAULT_CONTINUE_WHEN_SECONDS_LEFT = 300;
  /** Setting: BatchWriteItem requests of a file's rows in flight at once (default {@value BatchItemWriter#DEFAULT_IN_FLIGHT}). */
  public static final String ROW_WRITES_IN_FLIGHT = "ROW_WRITES_IN_FLIGHT";

  private final IntakeService service;
  private final Consumer<FileOutcome> metrics;
  private final Runnable blindIndexKeyMissing;
  private final Continuations continuations;
  private final long continuationReserveMillis;

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
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    String table = settings.required("RECORDS_TABLE");
    String dataKeyArn = settings.required("DATA_KEY_ARN");
    DynamoDbClient dynamoDb = clients.dynamoDb();
    KmsClient kms = clients.kms();
    Supplier<BlindIndex> blindIndex = memoize(() ->
        new BlindIndexKeyStore(dynamoDb, table, new KmsDataKeySource(kms, settings.required("INDEX_KEY_ARN"))).load());
    ItemSeal seal = new ItemSeal(table, SealKey.derive(kms, settings.required(SealKey.KEY_VARIABLE)));
    this.service = new IntakeService(
        new UploadObjects(clients.s3(), settings.required("INFRA_KEY_ARN")),
        new IntakeLedger(dynamoDb, table, DeadlineIndexer.fromSettings(settings), seal),
        dynamoDb,
        new KmsDataKeySource(kms, dataKeyArn),
        dataKeyArn,
        blindIndex,
        UploadDecoder.formatVersion1(),
        settings.optional("FILE_EVENTS_TOPIC_ARN")
            .<FileEvents>map(topic -> new SnsFileEvents(clients.configure(SnsClient.builder()).build(), topic))
            .orElse(FileEvents.NONE),
        new ManifestLedger(dynamoDb, table, seal),
        clock,
        Integer.parseInt(settings.optional(ROW_WRITES_IN_FLIGHT).orElse(Integer.toString(BatchItemWriter.DEFAULT_IN_FLIGHT))));
    this.metrics = metrics;
    this.blindIndexKeyMissing = blindIndexKeyMissing;
    this.continuations = settings.optional("INTAKE_QUEUE_URL")
        .<Continuations>map(queue -> new SqsContinuations(clients.configure(SqsClient.builder()).build(), queue))
        .orElse(Continuations.NONE);
    this.continuationReserveMillis = 1000L * Long.parseLong(
        settings.optional("CONTINUE_WHEN_SECONDS_LEFT").orElse(Long.toString(DEFAULT_CONTINUE_WHEN_SECONDS_LEFT)));
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    InvocationBudget budget = InvocationBudget.of(context, continuationReserveMillis);
    return PowertoolsLogging.withLogging(context, () -> handle(event, budget));
  }

  private SQSBatchResponse handle(SQSEvent event, InvocationBudget budget) {
    return SqsPartialBatch.process(event, message -> processInFull(message, budget));
  }

  /**
   * Takes every object of the message to an outcome, and throws when one needs the message again: a file given up on
   * after every attempt (so SQS dead-letters it) or a missing blind-index key.
   */
  private void processInFull(SQSEvent.SQSMessage message, InvocationBudget budget) throws Exception {
    List<String> givenUp = new ArrayList<>();
    boolean continued = false;
    try {
      for (S3ObjectRef object : S3Notifications.objectsIn(message.getBody())) {
        FileOutcome outcome = service.process(object, budget);
        continued |= outcome.status() == FileStatus.CONTINUED;
        metrics.accept(outcome);
        LOG.info("upload {}", outcome.status().wireName(),
            entry("objectKey", outcome.key()), entry("rowsRead", outcome.rowsRead()),
            entry("accepted", outcome.accepted()), entry("rejected", outcome.rejected()),
            entry("refusal", outcome.refusal()), entry("generation", outcome.generation()));
        if (outcome.isUnprocessable()) {
          givenUp.add(outcome.key());
        }
      }
    } catch (BlindIndexKeyMissingException e) {
      // Fails closed: the message is retried, then dead-lettered; nothing was stored and no key is minted.
      blindIndexKeyMissing.run();
      throw e;
    }
    if (continued) {
      // The same notification again: finished objects in it answer from their batch records, the others resume
      // from their checkpoints. Sent before this message is deleted, so a crash in between repeats, never loses it.
      continuations.send(message.getBody());
    }
    if (!givenUp.isEmpty()) {
      throw new UploadsGivenUpException(givenUp);
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
