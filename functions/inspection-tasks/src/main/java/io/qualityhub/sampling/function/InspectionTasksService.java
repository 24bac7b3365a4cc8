package io.qualityhub.sampling.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.access.TokenGroups;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality department's view of a period's inspection sample: the tasks drawn, by team, with record ids, reasons
 * and due dates, and no customer data (a task names a record, never its contents). Only the {@code quality} group may
 * read it.
 */
final class InspectionTasksService {

  private static final Logger LOG = LoggerFactory.getLogger(InspectionTasksService.class);

  /** A period's stored sample: what its header says and the tasks drawn. */
  record DrawnSample(String planVersion, int populationSize, List<InspectionTask> tasks) {}

  /** The stored samples ({@link SampleStore}); tasks whose seal fails are left out. */
  interface Samples {
    Optional<DrawnSample> drawn(Period period);
  }

  /** What the caller is told: an HTTP status and the body. */
  record Answer(int status, Map<String, Object> body) {

    static Answer refused(int status, String message) {
      return new Answer(status, Map.of("error", message));
    }
  }

  private final Samples samples;

  InspectionTasksService(Samples samples) {
    this.samples = samples;
  }

  /**
   * The answer to a request with the token's {@code claims} for the period named {@code periodText}, at {@code now}.
   */
  Answer list(Map<String, String> claims, String periodText, Instant now) {
    String exp = claims.getOrDefault("exp", "");
    if (claims.get("sub") == null || (exp.matches("\\d+") && !Instant.ofEpochSecond(Long.parseLong(exp)).isAfter(now))) {
      return Answer.refused(401, "no valid sign-in; sign in again");
    }
    String who = claims.getOrDefault("cognito:username", claims.get("sub"));
    if (!TokenGroups.parse(claims.get("cognito:groups")).contains(InspectionTasksHandler.QUALITY_GROUP)) {
      LOG.info("inspection tasks refused", entry("who", who));
      return Answer.refused(403, "inspection samples are for the quality department");
    }
    Period period;
    try {
      period = Period.parse(periodText);
    } catch (RuntimeException e) {
      return Answer.refused(400, "period '" + periodText + "' is not a month (2026-11) or a week (2026-W47)");
    }
    Optional<DrawnSample> sample = samples.drawn(period);
    if (sample.isEmpty()) {
      return Answer.refused(404, "no sample drawn for " + period + " yet");
    }
    List<Map<String, Object>> tasks = new ArrayList<>();
    sample.get().tasks().stream()
        .sorted(Comparator.comparing(InspectionTask::team).thenComparing(InspectionTask::taskId))
        .forEach(task -> tasks.add(row(task)));
    LOG.info("inspection tasks listed", entry("who", who), entry("period", period.toString()), entry("tasks", tasks.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", period.toString());
    body.put("planVersion", sample.get().planVersion());
    body.put("populationSize", sample.get().populationSize());
    body.put("tasks", tasks);
    return new Answer(200, body);
  }

  private static Map<String, Object> row(InspectionTask task) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("task", task.taskId());
    row.put("team", task.team());
    row.put("recordType", task.record().recordType());
    row.put("branch", task.record().branch());
    row.put("record", task.record().recordId());
    row.put("reasons", task.reasons());
    row.put("dueOn", task.dueOn().toString());
    row.put("adhoc", task.isAdhoc());
    if (task.isAdhoc()) {
      row.put("adhocReason", task.adhoc().reason());
      row.put("requestedBy", task.adhoc().requestedBy());
    }
    return row;
  }
}
