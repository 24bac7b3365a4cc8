package io.qualityhub.core.format;

/**
 * Corrective-action status, the findings {@code action_status}, in order: {@code open}, then {@code done} by its
 * owner, then {@code verified} when its effectiveness check passed.
 */
public enum ActionStatus implements WireNamed {
  OPEN("open"),
  DONE("done"),
  VERIFIED("verified");

  private final String wireName;

  ActionStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ActionStatus fromWire(String value) {
    return WireNamed.parse(ActionStatus.class, "action status", value);
  }
}
