package io.qualityhub.local.bench;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.store.PeriodIndex;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Measures a month's draw as the sampling function does it: the population read ({@link PopulationReader}, its
 * period index queries served in process, so DynamoDB's own time is left out and items read are counted) and the draw of
 * every stratum, for N closed claims spread over B branches and three product lines, with N claims closed in each
 * of M earlier months in the table besides ({@code --history-months}): {@code items_read} against
 * {@code period_items} shows what the read costs beyond the period's own items.
 */
public final class SamplingBenchmark {

  private static final Period PERIOD = Period.parse("2026-11");
  /** About what fits in DynamoDB's 1 MB query page with the projected claim attributes. */
  private static final int PAGE_ITEMS = 2_500;
  private static final String[] PRODUCT_LINES = {"life", "health", "accident"};
  /** Beyond every day the benchmark's dates reach: where {@link PeriodIndex#UNDATED} sorts. */
  private static final int UNDATED_DAY = 0xF_FFFF;

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
    DynamoDbClient table = pagesOf(items, itemsRead); // the index is built outside the read's time
    long readStart = System.nanoTime();
    Population population = new PopulationReader(table, "bench", Long.MAX_VALUE)
        .read(PERIOD, plan.recordTypesSampled(PERIOD.type()));
    long readNanos = System.nanoTime() - readStart;
    Sample sample = new Sampler(plan).draw(PERIOD, secret, population.units(), population.incidents());
    return new Result(population, sample, InspectionTasks.fromSample(sample, plan).size(), readNanos);
  }

  /**
   * Claim state items as the projected index query returns them, made when served (a year of history does not
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

  /**
   * The period index over the table's items, served from memory as DynamoDB's query would, in pages: only
   * {@code query} is ever called (claims are state items, so no file pointer is read). Entries are sorted by shard,
   * membership day and item as longs, so a year of history costs 8 bytes an item here.
   */
  private static DynamoDbClient pagesOf(Table items, AtomicLong itemsRead) {
    long[] entries = new long[items.size()];
    for (int index = 0; index < items.size(); index++) {
      Map<String, AttributeValue> item = items.item(index);
      PeriodIndex.addEntry(RecordType.CLAIMS, item);
      String key = item.get(PeriodIndex.KEY).s();
      int shard = Integer.parseInt(key.substring(key.indexOf('#') + 1));
      entries[index] = entry(shard, day(item.get(PeriodIndex.DATE).s()), index);
    }
    Arrays.sort(entries);
    return new DynamoDbClient() {
      @Override
      public QueryResponse query(QueryRequest request) {
        Map<String, AttributeValue> values = request.expressionAttributeValues();
        String key = values.get(":k").s();
        if (!key.startsWith("claims#")) {
          return QueryResponse.builder().items(List.of()).scannedCount(0).count(0).build();
        }
        int shard = Integer.parseInt(key.substring("claims#".length()));
        long low = entry(shard, values.containsKey(":from") ? day(values.get(":from").s()) : 0, 0);
        long high = entry(shard, values.containsKey(":to") ? day(values.get(":to").s()) : UNDATED_DAY, 0xFFFF_FFFFL);
        int first = request.hasExclusiveStartKey()
            ? Integer.parseInt(request.exclusiveStartKey().get("position").s()) : insertionPoint(entries, low);
        int end = Math.min(insertionPoint(entries, high + 1), first + PAGE_ITEMS);
        List<Map<String, AttributeValue>> page = new ArrayList<>(Math.max(0, end - first));
        for (int position = first; position < end; position++) {
          page.add(items.item((int) (entries[position] & 0xFFFF_FFFFL)));
        }
        itemsRead.addAndGet(page.size());
        QueryResponse.Builder response = QueryResponse.builder().items(page).scannedCount(page.size())
            .count(page.size());
        if (end < insertionPoint(entries, high + 1)) {
          response.lastEvaluatedKey(Map.of("position", AttributeValue.fromS(Integer.toString(end))));
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

  private static int day(String date) {
    return date.equals(PeriodIndex.UNDATED) ? UNDATED_DAY : (int) LocalDate.parse(date).toEpochDay();
  }

  private static long entry(int shard, int day, long index) {
    return ((long) shard << 52) | ((long) day << 32) | index;
  }

  private static int insertionPoint(long[] sorted, long value) {
    int found = Arrays.binarySearch(sorted, value);
    return found >= 0 ? found : -found - 1;
  }
}
