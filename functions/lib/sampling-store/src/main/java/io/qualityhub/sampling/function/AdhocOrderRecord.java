package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.AdhocOrder;
import io.qualityhub.sampling.domain.Roster;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ad-hoc order as stored beside its period's sample: the order, the plan, roster and inspectors' loads it was
 * assigned with, and the tasks it created. Enough to carry it out again after a crash, and to verify it later.
 *
 * @param planJson         the packaged plan in force when it was ordered (the period's header's, once drawn)
 * @param planOverrideJson the override merged over it, or {@code null}
 * @param alreadyAssigned  tasks each inspector held in the period before the order
 * @param taskIds          the tasks the order created, in record order
 */
public record AdhocOrderRecord(AdhocOrder order, String planVersion, String planJson, String planOverrideJson,
    Roster roster, Map<String, Integer> alreadyAssigned, List<String> taskIds) {

  public AdhocOrderRecord {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(planVersion, "planVersion");
    Objects.requireNonNull(planJson, "planJson");
    Objects.requireNonNull(roster, "roster");
    alreadyAssigned = Map.copyOf(alreadyAssigned);
    taskIds = List.copyOf(taskIds);
  }
}
