package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RecordKey;
import io.qualityhub.sampling.domain.Sample;
import io.qualityhub.sampling.domain.SampleStatistics;
import io.qualityhub.sampling.domain.ScoringAgreement;
import io.qualityhub.sampling.domain.StratumStatistics;
import io.qualityhub.core.format.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stored period's inspections say so far, per stratum: coverage, pass rate, the estimated failure rate and,
 * once every task of a stratum has its result, the upper deviation limit at the stratum's confidence ("0
 * deviations in 59: at most 5% at 95%"); and per team, how double scorers agree. Read from the header's strata and
 * the tasks' stored results.
 */
public final class SampleResults {

  private final SampleStore store;

  public SampleResults(SampleStore store) {
    this.store = store;
  }

  /** @throws NoStoredSampleException when the period was never drawn */
  public List<StratumStatistics> perStratum(Period period) {
    SampleHeader header = store.header(period).orElseThrow(() -> new NoStoredSampleException(period, store.table()));
    if (header.strata().isEmpty()) {
      return List.of(); // drawn before the header recorded its strata
    }
    // Ad-hoc tasks target records on purpose: counted here they would bias every rate and limit.
    List<SampleStore.StoredTask> tasks = store.tasks(period).stream().filter(task -> !task.task().isAdhoc()).toList();
    Map<RecordKey, Verdict> verdicts = new HashMap<>();
    tasks.forEach(task -> task.verdict().ifPresent(verdict -> verdicts.put(task.task().record(), verdict)));
    Sample sample = new Sample(period, header.planVersion(), header.populationFingerprint(), header.strata(),
        tasks.stream().map(task -> task.task().toSelectedUnit()).toList());
    return SampleStatistics.perStratum(sample, verdicts);
  }

  /** Per team, how the two inspectors of double-scored tasks agree, over the tasks both have scored. */
  public List<ScoringAgreement> agreementPerTeam(Period period) {
    Map<String, List<ScoringAgreement.Pair>> pairs = new TreeMap<>();
    for (SampleStore.StoredTask stored : store.tasks(period)) {
      if (stored.task().assignment().doubleScored()) {
        List<ScoringAgreement.Pair> team = pairs.computeIfAbsent(stored.task().team(), name -> new ArrayList<>());
        if (stored.verdict().isPresent() && stored.secondVerdict().isPresent()) {
          team.add(new ScoringAgreement.Pair(stored.task().taskId(), stored.verdict().get(),
              stored.secondVerdict().get()));
        }
      }
    }
    return pairs.entrySet().stream().map(team -> ScoringAgreement.of(team.getKey(), team.getValue())).toList();
  }
}
