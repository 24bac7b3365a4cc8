package io.qualityhub.core.format;

/** Severity of a failed inspection's finding: the findings {@code severity}. */
public enum FindingSeverity implements WireNamed {
  MINOR("minor"),
  MAJOR("major"),
  CRITICAL("critical");

  private final String wireName;

  FindingSeverity(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static FindingSeverity fromWire(String value) {
    return WireNamed.parse(FindingSeverity.class, "finding severity", value);
  }
}
