package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RepeatViolator;
import java.util.List;

/** Where a month's draw reports its repeat violators (policy III.4.3), so the quality head hears of them. */
@FunctionalInterface
public interface RepeatViolatorAlerts {

  /** @param flagged the staff flagged as of the month's last day, by staff id; called only when there are any */
  void flagged(Period period, List<RepeatViolator> flagged, String listKey);
}
