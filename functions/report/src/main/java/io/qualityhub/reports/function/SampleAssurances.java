package io.qualityhub.reports.function;

import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.SampleAssurance;
import io.qualityhub.sampling.domain.DeviationLimit;
import io.qualityhub.sampling.domain.InspectionStatistics;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import io.qualityhub.sampling.domain.ScoringAgreement;
import io.qualityhub.sampling.domain.Stratum;
import io.qualityhub.sampling.domain.StratumDraw;
import io.qualityhub.sampling.function.StratumItems;
import io.qualityhub.core.format.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the inspection samples of a report's period let an auditor say, from the samples the sampling function
 * stored ({@code SAMPLE#<period>}: the header's strata, the tasks' results, a month's repeat violators), each item
 * used only when its seal holds ({@link SealedItems}). Per stratum, the upper deviation limit at the plan's confidence
 * once every sampled record has its result ({@link DeviationLimit}); per team, in a company report, the double
 * scorers' agreement ({@link ScoringAgreement}); per month, the staff its run flagged as repeat violators
 * ({@code REPEAT_VIOLATORS}). The sampling rules compute all three: this class only reads the stored sample for them.
 * A report covers the samples of the months and ISO weeks that end within its period.
 */
final class SampleAssurances {

  /** The attribute of a task item naming the ad-hoc order that asked for it (absent on drawn tasks). */
  private static final String ADHOC_ORDER = "adhoc";
  /** The sort key of a month's repeat violators, stored by its sampling run. */
  private static final String REPEAT_VIOLATORS = "REPEAT_VIOLATORS";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final SealedItems sealed;

  SampleAssurances(DynamoDbClient dynamoDb, String table, SealedItems sealed) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.sealed = sealed;
  }

  /** The stored samples of a report's period, read once for every report of an order. */
  record Read(List<Map.Entry<String, List<Map<String, AttributeValue>>>> samples) {

    /** The samples as the scope may show them; samples never drawn are left out. */
    List<SampleAssurance> forScope(ReportScope scope) {
      List<SampleAssurance> assurances = new ArrayList<>();
      samples.forEach(sample -> assuranceOf(sample.getKey(), sample.getValue(), scope).ifPresent(assurances::add));
      return assurances;
    }
  }

  /** The checked items of each sample whose period ends within the report's. */
  Read read(ReportPeriod period) {
    List<Map.Entry<String, List<Map<String, AttributeValue>>>> samples = new ArrayList<>();
    for (Period sample : samplesEndingWithin(period.start(), period.endInclusive())) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      dynamoDb.queryPaginator(request -> request.tableName(table).consistentRead(true)
              .keyConditionExpression("pk = :pk")
              .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SAMPLE#" + sample))))
          .items().forEach(items::add);
      samples.add(Map.entry(sample.toString(), sealed.accepted(items)));
    }
    return new Read(samples);
  }

  /** Months, then weeks, in order, whose last day falls within [from, toInclusive]. */
  static List<Period> samplesEndingWithin(LocalDate from, LocalDate toInclusive) {
    Set<Period> months = new LinkedHashSet<>();
    Set<Period> weeks = new LinkedHashSet<>();
    for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
      Period month = Period.containing(day, PeriodType.MONTHLY);
      Period week = Period.containing(day, PeriodType.WEEKLY);
      if (!month.end().isAfter(toInclusive)) {
        months.add(month);
      }
      if (!week.end().isAfter(toInclusive)) {
        weeks.add(week);
      }
    }
    List<Period> samples = new ArrayList<>(months);
    samples.addAll(weeks);
    return samples;
  }

  /**
   * A sample's statements from its checked items (header {@code SAMPLE} and tasks {@code TASK#...}); empty without a
   * header or with a header from before strata were recorded. A branch report shows its own strata and no team.
   */
  static Optional<SampleAssurance> assuranceOf(String samplePeriod, List<Map<String, AttributeValue>> items,
      ReportScope scope) {
    Optional<Map<String, AttributeValue>> header = items.stream()
        .filter(item -> "SAMPLE".equals(item.get("sk").s())).findFirst();
    if (header.isEmpty() || !header.get().containsKey("strata")) {
      return Optional.empty();
    }
    List<Map<String, AttributeValue>> tasks = items.stream()
        .filter(item -> item.get("sk").s().startsWith("TASK#")).toList();
    // An ad-hoc task was chosen, not drawn: it says nothing about the stratum's deviation rate.
    List<Map<String, AttributeValue>> drawn = tasks.stream().filter(task -> !task.containsKey(ADHOC_ORDER)).toList();
    List<SampleAssurance.StratumStatement> strata = new ArrayList<>();
    for (AttributeValue stored : header.get().get("strata").l()) {
      StratumDraw draw = StratumItems.fromAttribute(stored);
      if (scope.isCompany() || draw.stratum().branch().equals(scope.branch())) {
        strata.add(statementOf(draw, drawn.stream().filter(task -> inStratum(task, draw.stratum())).toList()));
      }
    }
    return Optional.of(new SampleAssurance(samplePeriod, strata, scope.isCompany() ? agreementOf(tasks) : List.of(),
        repeatViolatorsOf(items, scope)));
  }

  /**
   * The month's repeat violators as its run stored them ({@code REPEAT_VIOLATORS}); a branch report names those with a
   * violation at the branch, and only the branch among their branches.
   */
  private static List<SampleAssurance.RepeatViolator> repeatViolatorsOf(List<Map<String, AttributeValue>> items,
      ReportScope scope) {
    List<SampleAssurance.RepeatViolator> violators = new ArrayList<>();
    items.stream().filter(item -> REPEAT_VIOLATORS.equals(item.get("sk").s())).findFirst()
        .ifPresent(list -> list.get("violators").l().forEach(stored -> {
          Map<String, AttributeValue> violator = stored.m();
          List<String> branches = violator.get("branches").l().stream().map(AttributeValue::s).toList();
          if (scope.isCompany() || branches.contains(scope.branch())) {
            violators.add(new SampleAssurance.RepeatViolator(violator.get("staffId").s(),
                violator.get("department").s(), scope.isCompany() ? branches : List.of(scope.branch()),
                Integer.parseInt(violator.get("violations").n())));
          }
        }));
    return violators;
  }

  private static SampleAssurance.StratumStatement statementOf(StratumDraw draw, List<Map<String, AttributeValue>> tasks) {
    int inspected = 0;
    int passed = 0;
    for (Map<String, AttributeValue> task : tasks) {
      Optional<Verdict> verdict = verdict(task, "verdict");
      inspected += verdict.isPresent() ? 1 : 0;
      passed += verdict.filter(v -> v == Verdict.PASS).isPresent() ? 1 : 0;
    }
    // The header's size, not the tasks read: a task missing or refused for its seal leaves the stratum unstated.
    InspectionStatistics statistics = new InspectionStatistics(draw.populationSize(), draw.sampleSize(), inspected,
        passed, draw.census(), Optional.empty(), Optional.empty());
    Stratum stratum = draw.stratum();
    return new SampleAssurance.StratumStatement(stratum.recordType(), stratum.branch(), stratum.productLine(),
        draw.populationSize(), draw.sampleSize(), inspected, inspected - passed,
        DeviationLimit.of(draw, statistics).map(DeviationLimit::describe).orElse(null));
  }

  private static List<SampleAssurance.TeamAgreement> agreementOf(List<Map<String, AttributeValue>> tasks) {
    Map<String, List<ScoringAgreement.Pair>> pairs = new TreeMap<>();
    for (Map<String, AttributeValue> task : tasks) {
      if (task.containsKey("secondInspectorId")) {
        List<ScoringAgreement.Pair> team = pairs.computeIfAbsent(task.get("team").s(), name -> new ArrayList<>());
        Optional<Verdict> first = verdict(task, "verdict");
        Optional<Verdict> second = verdict(task, "secondVerdict");
        if (first.isPresent() && second.isPresent()) {
          team.add(new ScoringAgreement.Pair(task.get("taskId").s(), first.get(), second.get()));
        }
      }
    }
    return pairs.entrySet().stream().map(team -> ScoringAgreement.of(team.getKey(), team.getValue()))
        .map(agreement -> new SampleAssurance.TeamAgreement(agreement.team(), agreement.pairs(), agreement.agreements(),
            agreement.kappa().isPresent() ? agreement.kappa().getAsDouble() : null, agreement.disagreements()))
        .toList();
  }

  /** A task names its record's product line even when the type is not stratified by it. */
  private static boolean inStratum(Map<String, AttributeValue> task, Stratum stratum) {
    return stratum.recordType().equals(task.get("inspectedRecordType").s())
        && stratum.branch().equals(task.get("branchCode").s())
        && (stratum.productLine() == null || task.containsKey("productLine")
        && stratum.productLine().equals(task.get("productLine").s()));
  }

  private static Optional<Verdict> verdict(Map<String, AttributeValue> task, String attribute) {
    return Optional.ofNullable(task.get(attribute)).map(value -> Verdict.fromWire(value.s()));
  }
}
