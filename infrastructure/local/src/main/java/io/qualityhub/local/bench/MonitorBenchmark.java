package io.qualityhub.local.bench;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.store.RefusedItems;
import io.qualityhub.deadlines.Alert;
import io.qualityhub.deadlines.AlertLevel;
import io.qualityhub.deadlines.AlertLevels;
import io.qualityhub.deadlines.AlertRouter;
import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.deadlines.Digest;
import io.qualityhub.deadlines.DigestBuilder;
import io.qualityhub.deadlines.LevelSchedule;
import io.qualityhub.deadlines.OpenDeadline;
import io.qualityhub.deadlines.RecipientsDirectory;
import io.qualityhub.deadlines.Routing;
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
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

  /** DynamoDB returns at most 1 MB of items per Query page. */
  private static final long QUERY_PAGE_BYTES = 1 << 20;

  /**
   * The daily run's domain work at {@code records} records, storage in memory: the {@code openShare} of them that are
   * open claims with a running clock are the index's items (stored as intake stores them: mapped, indexed, sealed),
   * spread over {@code branches} branches and reported over the 40 days before the run, so they stand at every level.
   * The closed records carry no index entry and are never read (the emulator rows of docs/benchmarks.md show it), so
   * they are not made. Measured: what the run does with each item it reads (seal check, its clocks typed once, each
   * clock's level schedule built once, its alert, next level and snapshot count), then routing and the digests.
   * Counted, not sent: the DynamoDB, SES and SNS requests the run makes for them, by the requests the monitor makes per
   * item, alert, recipient and branch ({@code DeadlineMonitorEndToEndTest.theDailyRunQueriesEachIndexShardOnce}).
   */
  public static Map<String, String> inMemory(long records, double openShare, int branches, PrintStream progress) {
    int open = (int) Math.round(records * openShare);
    DeadlineIndexer indexer = DeadlineIndexer.fromSettings(new Settings(Map.of()));
    ItemSeal seal = new ItemSeal("bench-records", new byte[32]);
    List<String> branchCodes = new ArrayList<>();
    StringBuilder directory = new StringBuilder("{\"defaults\":{\"head_office_quality\":[\"hq@bench.example\"],"
        + "\"department_head:claims\":[\"claims-head@bench.example\"]},\"branches\":{");
    for (int b = 0; b < branches; b++) {
      String code = String.format("BR-%03d", b + 1);
      branchCodes.add(code);
      directory.append(b == 0 ? "" : ",").append('"').append(code).append("\":{\"branch_manager\":[\"manager-")
          .append(code).append("@bench.example\"]}");
    }
    RecipientsDirectory recipients = RecipientsDirectory.load(
        new ByteArrayInputStream(directory.append("}}").toString().getBytes(StandardCharsets.UTF_8)));

    progress.println("making the index's " + open + " open claims of " + records + " records...");
    List<RecordItemMapper> mappers = new ArrayList<>();
    for (String branch : branchCodes) {
      mappers.add(new RecordItemMapper("bench-records",
          new UploadKey(branch, AS_OF_DAY, RecordType.CLAIMS, io.qualityhub.core.format.FileFormat.CSV, false),
          "bench", null, null, null));
    }
    List<Map<String, AttributeValue>> index = new ArrayList<>(open);
    Map<String, Long> shardBytes = new TreeMap<>();
    for (int i = 0; i < open; i++) {
      Map<String, AttributeValue> item = seal.sealed(indexer.withIndex(
          mappers.get(i % branches).toStateItem(openClaim(i))));
      index.add(item);
      shardBytes.merge(item.get(DeadlineIndexer.DUE_SHARD).s(), itemBytes(item), Long::sum);
    }
    // The order a Query returns them in: by shard, then by the index time.
    index.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(DeadlineIndexer.DUE_SHARD).s())
        .thenComparing(item -> item.get(DeadlineIndexer.DUE_AT).s()));

    progress.println("running the monitor's work on them...");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HeapAfterCollections heap = new HeapAfterCollections();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    AlertLevels levels = new AlertLevels(indexer.policy());
    String nowIndexTime = DeadlineIndexer.indexTime(AS_OF);
    RefusedItems refused = new RefusedItems();
    List<Alert> alerts = new ArrayList<>();
    Map<String, Long> overdueByBranch = new TreeMap<>();
    int due = 0;
    int schedules = 0;
    int advanced = 0;
    for (Map<String, AttributeValue> item : index) {
      if (!seal.accepts(item, refused)) {
        continue;
      }
      boolean isDue = item.get(DeadlineIndexer.DUE_AT).s().compareTo(nowIndexTime) <= 0;
      List<OpenDeadline> deadlines = indexer.openDeadlines(item);
      boolean overdue = false;
      Instant next = null;
      for (OpenDeadline deadline : deadlines) {
        LevelSchedule schedule = levels.schedule(deadline);
        schedules++;
        Optional<Alert> alert = levels.alertAt(deadline, schedule, AS_OF);
        overdue |= alert.filter(raised -> raised.level().compareTo(AlertLevel.OVERDUE) >= 0).isPresent();
        if (isDue) {
          alert.ifPresent(alerts::add);
          Optional<Instant> starts = schedule.nextLevelStartsAfter(AS_OF);
          if (starts.isPresent() && (next == null || starts.get().isBefore(next))) {
            next = starts.get();
          }
        }
      }
      // Each due item's entry is moved on (to its next level's start, parked or removed): one UpdateItem, counted below.
      due += isDue ? 1 : 0;
      advanced += isDue && next != null ? 1 : 0;
      if (!deadlines.isEmpty()) {
        overdueByBranch.merge(deadlines.get(0).branch(), overdue ? 1L : 0L, Long::sum);
      }
    }
    Routing routing = new AlertRouter(recipients).route(alerts);
    List<Digest> digests = new DigestBuilder(indexer.policy().timeZone(), BranchDirectory.fromSetting(null), recipients)
        .build(routing.deliveries(), AS_OF);
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    heap.close();

    Set<String> topicGroups = new HashSet<>();
    alerts.forEach(alert -> topicGroups.add(alert.deadline().branch() + " " + alert.level()));
    long indexBytes = shardBytes.values().stream().mapToLong(Long::longValue).sum();
    long queryPages = shardBytes.values().stream().mapToLong(bytes -> (bytes + QUERY_PAGE_BYTES - 1) / QUERY_PAGE_BYTES).sum()
        + DeadlineIndexer.shards().size() - shardBytes.size();
    long putItems = alerts.size() + overdueByBranch.size();
    long updateItems = routing.deliveries().size() + 2L * alerts.size() + due;

    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("records", Long.toString(records));
    figures.put("open_claims_in_index", Integer.toString(open));
    figures.put("branches", Integer.toString(branches));
    figures.put("measured.items_read", Integer.toString(index.size()));
    figures.put("measured.items_due", Integer.toString(due));
    figures.put("measured.items_typed", Integer.toString(index.size() - refused.count()));
    figures.put("measured.schedules_built", Integer.toString(schedules));
    figures.put("measured.items_advanced", Integer.toString(advanced));
    figures.put("measured.alerts", Integer.toString(alerts.size()));
    figures.put("measured.deliveries", Integer.toString(routing.deliveries().size()));
    figures.put("measured.digests", Integer.toString(digests.size()));
    figures.put("measured.wall_seconds", String.format("%.2f", wallSeconds));
    figures.put("measured.cpu_seconds", String.format("%.2f", cpuSeconds));
    figures.put("measured.cpu_us_per_item", String.format("%.1f", cpuSeconds * 1e6 / Math.max(1, index.size())));
    figures.put("measured.peak_heap_mib", String.format("%.1f", heap.peakCollectionUsageBytes() / 1048576.0));
    figures.put("counted.index_mib", String.format("%.1f", indexBytes / 1048576.0));
    figures.put("counted.query_pages", Long.toString(queryPages));
    figures.put("counted.query_read_units", Long.toString((indexBytes + 8191) / 8192));
    figures.put("counted.put_item", Long.toString(putItems));
    figures.put("counted.update_item", Long.toString(updateItems));
    figures.put("counted.ses_send_email", Integer.toString(digests.size()));
    figures.put("counted.sns_publish_at_least", Integer.toString(topicGroups.size()));
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " "
        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return figures;
  }

  /** An item's size as DynamoDB counts it: each attribute's name and value, in bytes. */
  private static long itemBytes(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(attribute.getValue());
    }
    return bytes;
  }

  private static long valueBytes(AttributeValue value) {
    if (value.s() != null) {
      return value.s().getBytes(StandardCharsets.UTF_8).length;
    }
    if (value.n() != null) {
      return value.n().length();
    }
    if (value.b() != null) {
      return value.b().asByteArray().length;
    }
    if (value.hasM()) {
      return 3 + itemBytes(value.m());
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToLong(MonitorBenchmark::valueBytes).sum() + value.l().size();
    }
    if (value.hasSs()) {
      return value.ss().stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
    }
    return 1;
  }

  private static final LocalDate AS_OF_DAY = LocalDate.of(2026, 11, 24);

  /** An open claim under review, reported 1 to 40 days before the run: its clocks stand at every level. */
  private static String[] openClaim(int i) {
    String[] values = claim(i, true);
    RecordType claims = RecordType.CLAIMS;
    LocalDate reported = AS_OF_DAY.minusDays(1 + i % 40);
    values[claims.indexOf("reported_at")] = reported + "T09:00:00+08:00";
    values[claims.indexOf("documents_complete_at")] = reported.plusDays(1) + "T09:00:00+08:00";
    values[claims.indexOf("updated_at")] = reported.plusDays(1) + "T10:00:00+08:00";
    return values;
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
