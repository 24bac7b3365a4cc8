package io.qualityhub.local.bench;

import io.qualityhub.sampling.domain.InspectionTasks;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Sample;
import io.qualityhub.sampling.domain.Sampler;
import io.qualityhub.sampling.domain.SamplingPlan;
import io.qualityhub.sampling.domain.SamplingPlanLoader;
import io.qualityhub.sampling.function.Population;
import io.qualityhub.sampling.function.PopulationReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Measures a month's draw as the sampling function does it: the population read ({@link PopulationReader}, its
 * scan pages served in process, so DynamoDB's own time is left out and items read are counted) and the draw of
 * every stratum, for N closed claims spread over B branches and three product lines.
 */
public final class SamplingBenchmark {

  private static final Period PERIOD = Period.parse("2026-11");
  /** About what fits in DynamoDB's 1 MB scan page with the projected claim attributes. */
  private static final int PAGE_ITEMS = 2_500;
  private static final String[] PRODUCT_LINES = {"life", "health", "accident"};

  private SamplingBenchmark() {}

  public static Map<String, String> run(int records, int branches, PrintStream progress) {
    SamplingPlan plan = SamplingPlanLoader.loadDefault();
    byte[] secret = new byte[32];
    new Random(7).nextBytes(secret);
    List<Map<String, AttributeValue>> items = claims(records, branches);
    progress.println("warming up on " + Math.min(records, 50_000) + " claims ...");
    draw(plan, secret, items.subList(0, Math.min(records, 50_000)), new AtomicLong());

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicLong itemsRead = new AtomicLong();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    Result result = draw(plan, secret, items, itemsRead);
    long wall = System.nanoTime() - wallStart;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;

    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("records", Integer.toString(records));
    figures.put("branches", Integer.toString(branches));
    figures.put("strata", Integer.toString(result.sample().strata().size()));
    figures.put("items read (scan)", Long.toString(itemsRead.get()));
    figures.put("population", Integer.toString(result.population().units().size()));
    figures.put("tasks", Integer.toString(result.tasks()));
    figures.put("read + draw wall (s)", String.format("%.2f", wall / 1e9));
    figures.put("read + draw CPU (s)", String.format("%.2f", cpu / 1e9));
    figures.put("population read wall (s)", String.format("%.2f", result.readNanos() / 1e9));
    return figures;
  }

  private record Result(Population population, Sample sample, int tasks, long readNanos) {}

  private static Result draw(SamplingPlan plan, byte[] secret, List<Map<String, AttributeValue>> items,
      AtomicLong itemsRead) {
    long readStart = System.nanoTime();
    Population population = new PopulationReader(pagesOf(items, itemsRead), "bench", Long.MAX_VALUE)
        .read(PERIOD, plan.recordTypesSampled(PERIOD.type()));
    long readNanos = System.nanoTime() - readStart;
    Sample sample = new Sampler(plan).draw(PERIOD, secret, population.units(), population.incidents());
    return new Result(population, sample, InspectionTasks.fromSample(sample, plan).size(), readNanos);
  }

  /** A table of claim state items, as the filtered, projected scan returns them. */
  private static List<Map<String, AttributeValue>> claims(int records, int branches) {
    Random random = new Random(42);
    List<Map<String, AttributeValue>> items = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      String branch = String.format("B%02d", i % branches);
      String id = "CLM-" + branch + "-" + i;
      int day = 1 + random.nextInt(30);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", AttributeValue.fromS("REC#claims#" + branch + "#" + id));
      item.put("sk", AttributeValue.fromS("STATE"));
      item.put("recordType", AttributeValue.fromS("claims"));
      item.put("branchCode", AttributeValue.fromS(branch));
      item.put("businessDate", AttributeValue.fromS(String.format("2026-11-%02d", day)));
      item.put("generation", AttributeValue.fromS("g1"));
      item.put("claim_id", AttributeValue.fromS(id));
      item.put("product_line", AttributeValue.fromS(PRODUCT_LINES[random.nextInt(3)]));
      item.put("status", AttributeValue.fromS(random.nextInt(10) == 0 ? "rejected" : "closed"));
      item.put("green_channel", AttributeValue.fromBool(random.nextInt(20) == 0));
      item.put("amount_claimed", AttributeValue.fromN(Integer.toString(1_000 + random.nextInt(500_000))));
      item.put("documents_complete_at", AttributeValue.fromS(String.format("2026-10-%02dT10:00:00+08:00", 1 + random.nextInt(28))));
      item.put("paid_at", AttributeValue.fromS(String.format("2026-11-%02dT10:00:00+08:00", day)));
      item.put("closed_at", AttributeValue.fromS(String.format("2026-11-%02dT16:00:00+08:00", day)));
      item.put("handler_id", AttributeValue.fromS("CH-" + random.nextInt(400)));
      items.add(item);
    }
    return items;
  }

  /** Serves the scan from memory in pages; only {@code scan} is ever called. */
  private static DynamoDbClient pagesOf(List<Map<String, AttributeValue>> items, AtomicLong itemsRead) {
    return new DynamoDbClient() {
      @Override
      public ScanResponse scan(ScanRequest request) {
        int from = request.hasExclusiveStartKey() ? Integer.parseInt(request.exclusiveStartKey().get("pk").s()) : 0;
        int to = Math.min(items.size(), from + PAGE_ITEMS);
        itemsRead.addAndGet(to - from);
        ScanResponse.Builder page = ScanResponse.builder().items(items.subList(from, to)).scannedCount(to - from)
            .count(to - from);
        if (to < items.size()) {
          page.lastEvaluatedKey(Map.of("pk", AttributeValue.fromS(Integer.toString(to))));
        }
        return page.build();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
  }
}
