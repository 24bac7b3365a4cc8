package io.qualityhub.core.format;

/** The violations {@code severity}. */
public enum ViolationSeverity implements WireNamed {
  MINOR("minor"),
  MAJOR("major"),
  SEVERE("severe");

  private final String wireName;

  ViolationSeverity(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ViolationSeverity fromWire(String value) {
    return WireNamed.parse(ViolationSeverity.class, "violation severity", value);
  }
}
