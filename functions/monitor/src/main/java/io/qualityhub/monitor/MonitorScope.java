package io.qualityhub.monitor;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which due items a run looks at: all of them (the daily run) or green-channel claims only (the hourly run). */
public enum MonitorScope {
  ALL("all"),
  GREEN_CHANNEL("green_channel");

  private final String wireName;

  MonitorScope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static MonitorScope fromWire(String value) {
    for (MonitorScope scope : values()) {
      if (scope.wireName.equals(value)) {
        return scope;
      }
    }
    throw new InvalidMonitorRequestException("scope '" + value + "' is not one of "
        + Arrays.stream(values()).map(MonitorScope::wireName).collect(Collectors.joining(", ")));
  }
}
