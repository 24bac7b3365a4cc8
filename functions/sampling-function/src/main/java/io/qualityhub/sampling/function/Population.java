package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.PriorIncidents;
import io.qualityhub.sampling.domain.SamplingUnit;
import java.util.List;

/**
 * A period's population as read from the records table.
 *
 * @param itemsRead table items the read examined, for cost tracking (a scan reads more than it returns)
 */
public record Population(List<SamplingUnit> units, PriorIncidents incidents, long itemsRead) {

  public Population {
    units = List.copyOf(units);
  }
}
