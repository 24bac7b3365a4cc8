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
 * every stratum, for N closed claims spread over B branches and three product lines, with N claims closed in each
 * of M earlier months in the table besides ({@code --history-months}): {@code items_read} against
 * {@code period_items} shows what the read costs beyond the period's own items.
 */
public final class SamplingBenchmark {

  private static final Period PERIOD = Period.parse("2026-11");
  /** About what fits in DynamoDB's 1 MB scan page with the projected claim attributes. */
  private static final int PAGE_ITEMS = 2_500;
  private static final String[] PRODUCT_LINES = {"life", "health", "accident"};

  private SamplingBenchmark() {}

  public static Map<String, String> run(int records, int branches, int historyMonths, PrintStream progress) {
    SamplingPlan plan = SamplingPlanLoader.loadDefault();
    byte[] secret = new byte[32];
    new Random(7).nextBytes(secret);
    Table warmUp = new Table(Math.min(records, 50_000), branches, 0);
    progress.println("warming up on " + warmUp.size() + " claims ...");
    draw(plan, secret, warmUp, new AtomicLong());
    Table items = new Table(records, branches, historyMonths);

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
    figures.put("history_months", Integer.toString(historyMonths));
    figures.put("period_items", Integer.toString(records));
    figures.put("items_read", Long.toString(itemsRead.get()));
    figures.put("population", Integer.toString(result.population().units().size()));
    figures.put("tasks", Integer.toString(result.tasks()));
    figures.put("read + draw wall (s)", String.format("%.2f", wall / 1e9));
    figures.put("read + draw CPU (s)", String.format("%.2f", cpu / 1e9));
    figures.put("population read wall (s)", String.format("%.2f", result.readNanos() / 1e9));
    return figures;
  }

  private record Result(Population population, Sample sample, int tasks, long readNanos) {}

  private static Result draw(SamplingPlan plan, byte[] secret, Table items, AtomicLong itemsRead) {
    long readStart = System.nanoTime();
    Population population = new PopulationReader(pagesOf(items, itemsRead), "bench", Long.MAX_VALUE)
        .read(PERIOD, plan.recordTypesSampled(PERIOD.type()));
    long readNanos = System.nanoTime() - readStart;
    Sample sample = new Sampler(plan).draw(PERIOD, secret, population.units(), population.incidents());
    return new Result(population, sample, InspectionTasks.fromSample(sample, plan).size(), readNanos);
  }

  /**
   * Claim state items as the filtered, projected scan returns them, made when served (a year of history does not
   * fit in memory twice): item i is claim {@code i % records} of the month {@code i / records} months before the
   * period, the period's own first.
   */
  private record Table(int records, int branches, int historyMonths) {

    int size() {
      return records * (historyMonths + 1);
    }

    Map<String, AttributeValue> item(int index) {
      Random random = new Random(42L * 1_000_003 + index);
      int monthsBack = index / records;
      java.time.YearMonth month = java.time.YearMonth.from(PERIOD.start()).minusMonths(monthsBack);
      int i = index % records;
      String branch = String.format("B%02d", i % branches);
      String id = "CLM-" + branch + "-" + month + "-" + i;
      int day = 1 + random.nextInt(28);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", AttributeValue.fromS("REC#claims#" + branch + "#" + id));
      item.put("sk", AttributeValue.fromS("STATE"));
      item.put("recordType", AttributeValue.fromS("claims"));
      item.put("branchCode", AttributeValue.fromS(branch));
      item.put("businessDate", AttributeValue.fromS(month.atDay(day).toString()));
      item.put("generation", AttributeValue.fromS("g1"));
      item.put("claim_id", AttributeValue.fromS(id));
      item.put("product_line", AttributeValue.fromS(PRODUCT_LINES[random.nextInt(3)]));
      item.put("status", AttributeValue.fromS(random.nextInt(10) == 0 ? "rejected" : "closed"));
      item.put("green_channel", AttributeValue.fromBool(random.nextInt(20) == 0));
      item.put("amount_claimed", AttributeValue.fromN(Integer.toString(1_000 + random.nextInt(500_000))));
      item.put("documents_complete_at", AttributeValue.fromS(month.minusMonths(1).atDay(1 + random.nextInt(28))
          + "T10:00:00+08:00"));
      item.put("paid_at", AttributeValue.fromS(month.atDay(day) + "T10:00:00+08:00"));
      item.put("closed_at", AttributeValue.fromS(month.atDay(day) + "T16:00:00+08:00"));
      item.put("handler_id", AttributeValue.fromS("CH-" + random.nextInt(400)));
      return item;
    }
  }

  /** Serves the scan from memory in pages; only {@code scan} is ever called. */
  private static DynamoDbClient pagesOf(Table items, AtomicLong itemsRead) {
    return new DynamoDbClient() {
      @Override
      public ScanResponse scan(ScanRequest request) {
        int from = request.hasExclusiveStartKey() ? Integer.parseInt(request.exclusiveStartKey().get("pk").s()) : 0;
        int to = Math.min(items.size(), from + PAGE_ITEMS);
        itemsRead.addAndGet(to - from);
        List<Map<String, AttributeValue>> page = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
          page.add(items.item(index));
        }
        ScanResponse.Builder response = ScanResponse.builder().items(page).scannedCount(to - from)
            .count(to - from);
        if (to < items.size()) {
          response.lastEvaluatedKey(Map.of("pk", AttributeValue.fromS(Integer.toString(to))));
        }
        return response.build();
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
