package io.qualityhub.local.bench;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.store.BatchItemWriter;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.RecordItemMapper;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorRun;
import io.qualityhub.monitor.MonitorScope;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The deadline monitor's reading cost against history: N closed and M open claims stored as intake
 * stores them (closed ones carry no index entry), then one monitor run, counting the DynamoDB
 * requests and items it reads. Reads should follow the open claims, whatever N is.
 */
public final class MonitorBenchmark {

  private static final LocalDate REPORTED = LocalDate.of(2026, 10, 1);
  private static final Instant AS_OF = Instant.parse("2026-11-25T00:00:00Z");

  private MonitorBenchmark() {}

  public static Map<String, String> run(Path projectRoot, int closed, int open, PrintStream progress) {
    try (LocalDeployment local = LocalDeployment.open(projectRoot, Optional.empty())) {
      String table = local.physicalId("RecordsTable");
      DeadlineIndexer indexer = DeadlineIndexer.fromSettings(local.settingsOf("IntakeFunction"));
      UploadKey key = new UploadKey("BENCH-01", REPORTED, RecordType.CLAIMS, io.qualityhub.core.format.FileFormat.CSV, false);
      RecordItemMapper mapper = new RecordItemMapper(table, key, "bench", null, null, null);
      // Sealed as intake seals states: the monitor acts on nothing else.
      ItemSeal seal = new ItemSeal(table, SealKey.derive(local.clients().kms(), local.attribute("IntegrityKey", "Arn")));
      progress.println("storing " + closed + " closed and " + open + " open claims...");
      long storeStart = System.nanoTime();
      try (BatchItemWriter writer = new BatchItemWriter(local.clients().dynamoDb(), table)) {
        for (int i = 0; i < closed + open; i++) {
          boolean isOpen = i < open;
          writer.put(seal.sealed(indexer.withIndex(mapper.toStateItem(claim(i, isOpen)))));
        }
      }
      double storeSeconds = (System.nanoTime() - storeStart) / 1e9;

      Map<String, LongAdder> requests = new ConcurrentHashMap<>();
      LongAdder itemsReturned = new LongAdder();
      AwsClients counted = local.clients().withInterceptors(new ExecutionInterceptor() {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
          String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
              + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
          requests.computeIfAbsent(operation, ignored -> new LongAdder()).increment();
          if (context.response() instanceof QueryResponse query) {
            itemsReturned.add(query.count());
          } else if (context.response() instanceof ScanResponse scan) {
            itemsReturned.add(scan.count());
          }
        }
      });
      local.verifyEmailSender(local.settingsOf("MonitorFunction").required("ALERT_SENDER_EMAIL"));
      MonitorHandler monitor = new MonitorHandler(local.settingsOf("MonitorFunction"), counted, Clock.fixed(AS_OF, ZoneOffset.UTC));
      progress.println("running the monitor...");
      PrintStream console = System.out;
      System.setOut(new PrintStream(PrintStream.nullOutputStream()));
      long runStart = System.nanoTime();
      MonitorRun run;
      try {
        run = monitor.run(MonitorRequest.at(AS_OF, MonitorScope.ALL));
      } finally {
        System.setOut(console);
      }
      double runSeconds = (System.nanoTime() - runStart) / 1e9;

      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("closed_claims", Integer.toString(closed));
      figures.put("open_claims", Integer.toString(open));
      figures.put("store_seconds", String.format("%.1f", storeSeconds));
      figures.put("monitor_items_read", Integer.toString(run.counts().itemsRead()));
      figures.put("dynamodb_items_returned_by_query_or_scan", Long.toString(itemsReturned.sum()));
      figures.put("alerts_sent", Integer.toString(run.counts().alertsSent()));
      figures.put("monitor_seconds", String.format("%.2f", runSeconds));
      new TreeMap<>(requests).forEach((operation, count) -> figures.put("requests." + operation, Long.toString(count.sum())));
      return figures;
    }
  }

  /** A claim reported on 1 October: open ones are long overdue by 25 November; closed ones are settled. */
  private static String[] claim(int i, boolean open) {
    RecordType claims = RecordType.CLAIMS;
    String[] values = new String[claims.columns().size()];
    String reported = REPORTED + "T09:00:00+08:00";
    values[claims.indexOf("claim_id")] = "CLM-" + i;
    values[claims.indexOf("policy_id")] = "POL-" + i;
    values[claims.indexOf("product_code")] = "HLT-01";
    values[claims.indexOf("product_line")] = "health";
    values[claims.indexOf("complexity")] = i % 3 == 0 ? "complex" : "simple";
    values[claims.indexOf("green_channel")] = i % 10 == 0 ? "Y" : "N";
    values[claims.indexOf("status")] = open ? "under_review" : "closed";
    values[claims.indexOf("reported_at")] = reported;
    values[claims.indexOf("documents_complete_at")] = REPORTED.plusDays(2) + "T09:00:00+08:00";
    if (!open) {
      values[claims.indexOf("closed_at")] = REPORTED.plusDays(12) + "T09:00:00+08:00";
    }
    values[claims.indexOf("amount_claimed")] = "1200.00";
    values[claims.indexOf("currency")] = "TWD";
    values[claims.indexOf("handler_id")] = "H-" + (i % 7);
    values[claims.indexOf("updated_at")] = REPORTED.plusDays(open ? 3 : 12) + "T10:00:00+08:00";
    return values;
  }
}
