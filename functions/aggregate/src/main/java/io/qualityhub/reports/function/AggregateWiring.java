package io.qualityhub.reports.function;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.store.CurrentFiles;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.reports.aggregate.RecordState;
import java.time.Clock;

/** The aggregate function's service, built from its settings and clients. */
final class AggregateWiring {

  private AggregateWiring() {}

  static AggregateService of(Settings environment, AwsClients clients) {
    // The configuration store's documents in force take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    CurrentFiles currentFiles = new CurrentFiles(clients.dynamoDb(), settings.required("RECORDS_TABLE"));
    FileAggregator aggregator = new FileAggregator(clients.s3(), UploadDecoder.formatVersion1(),
        new DeadlineVerdicts(DeadlineIndexer.policyOf(settings)));
    // Writes only: nothing this function reads is an aggregate, so nothing is refused here.
    ItemSeal seal = ItemSeal.ofTable("REPORTS_TABLE", settings, clients);
    AggregateStore store = new AggregateStore(clients.dynamoDb(), seal, refused -> {
      throw refused;
    });
    ContributionStore contributions = new ContributionStore(clients.dynamoDb(), seal, refused -> {
      throw refused;
    }, Clock.systemUTC());
    return new AggregateService(
        file -> currentFiles.ifCurrent(file).map(item -> new AggregateService.CurrentUpload(item.get("orderToken").s(),
            item.containsKey("withdrawnFor"))),
        aggregator,
        (fileId, generation, orderToken, aggregate) ->
            store.put(fileId, generation, orderToken, aggregate) == AggregateStore.PutOutcome.STORED,
        (branch, type, fileDate, orderToken) -> {
          ContributionStore.FileStates states = contributions.open(branch, type, fileDate, orderToken);
          return new AggregateService.FileStates() {
            @Override
            public void put(String id, RecordState state) {
              states.put(id, state);
            }

            @Override
            public void finish(boolean withdrawn) {
              states.finish(withdrawn);
            }
          };
        });
  }
}
