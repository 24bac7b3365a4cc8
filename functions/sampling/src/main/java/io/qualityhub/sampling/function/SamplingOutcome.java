package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RepeatViolator;
import io.qualityhub.sampling.domain.StratumDraw;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sampling run did for a period.
 *
 * @param strata             each stratum's population, sample size and sizing, as the header records them
 * @param tasks              every task the period has in store after the run, new or not
 * @param tasksCreated       tasks this run stored (0 on a rerun)
 * @param messagesSent       task messages this run sent (0 on a rerun that found them all sent)
 * @param populationChanged  true when the period was drawn before and its population has changed since: the stored
 *                           sample stands, and no task is added
 * @param taskLists          the keys written: each team's task list, and for a month its repeat-violator list
 * @param repeatViolators    staff with repeated violations as of the period's last day (months only; policy III.4.3)
 */
public record SamplingOutcome(Period period, String planVersion, int populationSize, long itemsRead,
    List<StratumDraw> strata, List<InspectionTask> tasks, int tasksCreated, int messagesSent, List<String> taskLists,
    boolean drawnBefore, boolean populationChanged, List<RepeatViolator> repeatViolators) {

  public SamplingOutcome {
    strata = List.copyOf(strata);
    tasks = List.copyOf(tasks);
    taskLists = List.copyOf(taskLists);
    repeatViolators = List.copyOf(repeatViolators);
  }

  /** What the sampling function answers: the period, its plan and its counts, never record content. */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("period", period.toString());
    summary.put("planVersion", planVersion);
    summary.put("populationSize", populationSize);
    summary.put("tasks", tasks.size());
    summary.put("tasksCreated", tasksCreated);
    summary.put("messagesSent", messagesSent);
    summary.put("taskLists", taskLists);
    summary.put("populationChanged", populationChanged);
    return summary;
  }
}
