package io.qualityhub.intake;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.aws.PassingFailures;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.store.BatchItemWriter;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The intake function's parts, built from its settings and clients.
 *
 * @param continuationReserveMillis what an invocation keeps for the steps after a file's rows (CONTINUE_WHEN_SECONDS_LEFT)
 */
record IntakeWiring(UploadMessages messages, long continuationReserveMillis) {

  /**
   * A third of Lambda's 900 s: what is left when the rows' pass stops must cover the claim states and the
   * withdrawal of a replaced generation, which do not stop at checkpoints (decision 0017).
   */
  static final long DEFAULT_CONTINUE_WHEN_SECONDS_LEFT = 300;

  static IntakeWiring of(Settings environment, AwsClients clients, Consumer<FileOutcome> metrics,
      Runnable blindIndexKeyMissing, Clock clock) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    String table = settings.required("RECORDS_TABLE");
    String dataKeyArn = settings.required("DATA_KEY_ARN");
    DynamoDbClient dynamoDb = clients.dynamoDb();
    KmsClient kms = clients.kms();
    Supplier<BlindIndex> blindIndex = memoize(() ->
        new BlindIndexKeyStore(dynamoDb, table, new KmsDataKeySource(kms, settings.required("INDEX_KEY_ARN"))).load());
    ItemSeal seal = new ItemSeal(table, SealKey.derive(kms, settings.required(SealKey.KEY_VARIABLE)));
    IntakeService service = new IntakeService(
        new UploadObjects(clients.s3(), settings.required("INFRA_KEY_ARN")),
        new IntakeLedger(dynamoDb, table, DeadlineIndexer.fromSettings(settings), seal),
        new KmsDataKeySource(kms, dataKeyArn),
        dataKeyArn,
        blindIndex,
        Boolean.parseBoolean(settings.optional(IntakeHandler.ROW_READ_AHEAD).orElse("true"))
            ? UploadDecoder.formatVersion1().readingAhead() : UploadDecoder.formatVersion1(),
        settings.optional("FILE_EVENTS_TOPIC_ARN")
            .<FileEvents>map(topic -> new SnsFileEvents(clients.configure(SnsClient.builder()).build(), topic))
            .orElse(FileEvents.NONE),
        new ManifestLedger(dynamoDb, table, seal),
        PassingFailures::isPassing,
        clock,
        Integer.parseInt(settings.optional(IntakeHandler.ROW_WRITES_IN_FLIGHT)
            .orElse(Integer.toString(BatchItemWriter.DEFAULT_IN_FLIGHT))));
    // Built on first use: only a file longer than one invocation needs the queue, and a client built at init is
    // part of every cold start (decision 0026).
    Continuations continuations = settings.optional("INTAKE_QUEUE_URL")
        .<Continuations>map(queue -> new SqsContinuations(memoize(() -> clients.configure(SqsClient.builder()).build()), queue))
        .orElse(Continuations.NONE);
    long continuationReserveMillis = 1000L * Long.parseLong(
        settings.optional("CONTINUE_WHEN_SECONDS_LEFT").orElse(Long.toString(DEFAULT_CONTINUE_WHEN_SECONDS_LEFT)));
    return new IntakeWiring(new UploadMessages(service::process, metrics, blindIndexKeyMissing, continuations),
        continuationReserveMillis);
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
