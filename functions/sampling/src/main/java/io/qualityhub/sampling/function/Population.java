package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.PriorIncidents;
import io.qualityhub.sampling.domain.RepeatViolator;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.domain.SamplingUnit;
import java.util.List;
import java.util.Objects;

/**
 * A period's population as read from the records table.
 *
 * @param itemsRead table items the read examined, for cost tracking (a scan reads more than it returns)
 * @param roster    the latest inspector roster uploaded, read in the same scan; {@link Roster#NONE} if none is
 * @param repeatViolators staff who are repeat violators as of the period's last day (policy III.4.3), for the
 *                        quality department's list; the draw weighs those flagged before the period began
 *                        ({@link PriorIncidents#repeatViolators()})
 */
public record Population(List<SamplingUnit> units, PriorIncidents incidents, long itemsRead, Roster roster,
    List<RepeatViolator> repeatViolators) {

  public Population {
    units = List.copyOf(units);
    repeatViolators = List.copyOf(repeatViolators);
    Objects.requireNonNull(roster, "roster");
  }
}
