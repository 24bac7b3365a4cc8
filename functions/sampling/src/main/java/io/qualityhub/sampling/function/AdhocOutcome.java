package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.InspectionTask;
import java.util.List;

/**
 * What an ad-hoc order did.
 *
 * @param tasks          the order's tasks as stored, each with its inspectors
 * @param tasksCreated   tasks this run stored (0 when the order was carried out before)
 * @param messagesSent   task messages this run sent
 * @param orderedBefore  the same order had been given before (same day, same branch, type, reason and records)
 */
public record AdhocOutcome(String orderId, List<InspectionTask> tasks, int tasksCreated, int messagesSent,
    List<String> taskLists, boolean orderedBefore) {

  public AdhocOutcome {
    tasks = List.copyOf(tasks);
    taskLists = List.copyOf(taskLists);
  }
}
