package io.qualityhub.monitor;

import io.qualityhub.deadlines.Alert;
import io.qualityhub.deadlines.AlertLevels;
import io.qualityhub.deadlines.LevelSchedule;
import io.qualityhub.deadlines.OpenDeadline;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The levels of one run's running clocks at the run's instant. A clock's level schedule (calendar arithmetic over its
 * branch's business days) is built the first time the run asks and then serves every question the run has of it: its
 * alert, whether the overdue-claims snapshot counts it, and where its index entry moves.
 */
final class RunLevels {

  private final AlertLevels levels;
  private final Instant now;
  private final Map<OpenDeadline, LevelSchedule> schedules = new HashMap<>();

  RunLevels(AlertLevels levels, Instant now) {
    this.levels = levels;
    this.now = now;
  }

  /** The alert this clock raises now, or empty while it is not yet approaching. */
  Optional<Alert> alertAt(OpenDeadline deadline) {
    return levels.alertAt(deadline, scheduleOf(deadline), now);
  }

  /** When this clock next changes level after now; empty once severely overdue. */
  Optional<Instant> nextLevelStart(OpenDeadline deadline) {
    return scheduleOf(deadline).nextLevelStartsAfter(now);
  }

  /** Level schedules built so far: one per running clock the run looked at. */
  int schedulesBuilt() {
    return schedules.size();
  }

  private LevelSchedule scheduleOf(OpenDeadline deadline) {
    return schedules.computeIfAbsent(deadline, levels::schedule);
  }
}
