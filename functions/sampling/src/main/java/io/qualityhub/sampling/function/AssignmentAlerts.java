package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Roster;
import java.util.List;

/** Where a run reports tasks that no eligible inspector could take, so the quality head hears of them. */
@FunctionalInterface
public interface AssignmentAlerts {

  /** @param tasks tasks stored unassigned by this run (never again on a rerun) */
  void unassigned(Period period, Roster roster, List<InspectionTask> tasks);
}
