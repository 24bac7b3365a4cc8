package io.qualityhub.core.format;

/** Complaint severity: the complaints {@code severity}. */
public enum ComplaintSeverity implements WireNamed {
  GENERAL("general"),
  MAJOR("major");

  private final String wireName;

  ComplaintSeverity(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ComplaintSeverity fromWire(String value) {
    return WireNamed.parse(ComplaintSeverity.class, "complaint severity", value);
  }
}
