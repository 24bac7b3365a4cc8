package io.qualityhub.sampling.function;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The sampling function's services, built from its settings (the configuration store's in force) and clients. */
public final class SamplingWiring {

  static final long DEFAULT_MAX_ITEMS_READ = 50_000_000L;

  private SamplingWiring() {}

  /** The scheduled draw of a period. */
  static PeriodSampling periodSampling(Settings settings, AwsClients clients, IntegrityFailures refused,
      AssignmentAlerts alerts, RepeatViolatorAlerts repeatViolatorAlerts) {
    return new PeriodSampling(
        new PlanSource(settings.optional(PlanSource.OVERRIDE_VARIABLE).orElse(null)),
        populationReader(settings, clients),
        new PeriodSecrets(clients.kms(), settings.required("SAMPLING_KEY_ARN")),
        new SampleStore(clients.dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", settings, clients), refused),
        frozenPopulations(settings, clients),
        new InspectionQueue(clients.configure(SqsClient.builder()).build(), settings.required("INSPECTION_QUEUE_URL")),
        new TaskLists(clients.s3(), settings.required("INTAKE_BUCKET"), settings.required("INFRA_KEY_ARN")),
        alerts, repeatViolatorAlerts);
  }

  /**
   * Ad-hoc orders with the sampling function's configuration and rights ({@code ./qualityhub sample adhoc}).
   *
   * @param alerts where tasks no eligible inspector could take are reported
   */
  public static AdhocOrders adhocOrders(Settings environment, AwsClients clients, IntegrityFailures refused,
      AssignmentAlerts alerts) {
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    ItemSeal seal = ItemSeal.ofTable("RECORDS_TABLE", settings, clients);
    return new AdhocOrders(new PlanSource(settings.optional(PlanSource.OVERRIDE_VARIABLE).orElse(null)),
        populationReader(settings, clients), new PeriodSecrets(clients.kms(), settings.required("SAMPLING_KEY_ARN")),
        new SampleStore(clients.dynamoDb(), seal, refused), new AdhocOrderStore(clients.dynamoDb(), seal, refused),
        new InspectionQueue(clients.configure(SqsClient.builder()).build(), settings.required("INSPECTION_QUEUE_URL")),
        new TaskLists(clients.s3(), settings.required("INTAKE_BUCKET"), settings.required("INFRA_KEY_ARN")), alerts);
  }

  /** Where the draws' populations are frozen: the reports bucket, under the reports key. */
  public static FrozenPopulations frozenPopulations(Settings settings, AwsClients clients) {
    return new FrozenPopulations(clients.s3(), settings.required("REPORTS_BUCKET"), settings.required("REPORTS_KEY_ARN"));
  }

  static PopulationReader populationReader(Settings settings, AwsClients clients) {
    return new PopulationReader(clients.dynamoDb(), settings.required("RECORDS_TABLE"),
        settings.optional("SAMPLING_MAX_ITEMS_READ").map(Long::parseLong).orElse(DEFAULT_MAX_ITEMS_READ));
  }
}
