package io.qualityhub.reports.function;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.reports.indicator.IndicatorTargets;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;

/** The report function's service, built from its settings (the configuration store's in force) and clients. */
final class ReportWiring {

  private ReportWiring() {}

  /** @param refused where aggregates, actions and tasks refused for their seal are counted */
  static ReportService of(Settings environment, AwsClients clients, Clock clock, IntegrityFailures refused) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    String table = settings.required("REPORTS_TABLE");
    String recordsTable = settings.required("RECORDS_TABLE");
    byte[] sealKey = SealKey.derive(clients.kms(), settings.required(SealKey.KEY_VARIABLE));
    SealedItems sealedRecords = new SealedItems(clients.dynamoDb(), new ItemSeal(recordsTable, sealKey), refused);
    return new ReportService(new AggregateStore(clients.dynamoDb(), new ItemSeal(table, sealKey), refused),
        new KnownBranches(clients.dynamoDb(), recordsTable),
        new TrackedInspections(clients.dynamoDb(), recordsTable, sealedRecords),
        new TrackedActions(clients.dynamoDb(), recordsTable, sealedRecords),
        new SampleAssurances(clients.dynamoDb(), recordsTable, sealedRecords), targets(settings),
        DeadlineIndexer.policyOf(settings).version(),
        new ReportStore(clients.s3(), settings.required("REPORTS_BUCKET"), settings.required("REPORTS_KEY_ARN"),
            clients.dynamoDb(), table),
        new SnapshotStore(clients.s3(), settings.required("REPORTS_BUCKET"), settings.required("REPORTS_KEY_ARN")),
        clock, ZoneId.of(settings.required("COMPANY_TIME_ZONE")),
        BranchDirectory.fromSetting(
            settings.optional(BranchDirectory.VARIABLE).orElse(null)));
  }

  /** The packaged targets with {@code INDICATOR_TARGETS} (an override, e.g. from the configuration store) over them when set. */
  static IndicatorTargets targets(Settings settings) {
    return settings.optional(ReportHandler.TARGETS_VARIABLE)
        .map(json -> IndicatorTargets.withOverride(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            ReportHandler.TARGETS_VARIABLE))
        .orElseGet(IndicatorTargets::loadDefault);
  }
}
