package io.qualityhub.core.format;

/** Complaint status: the complaints {@code status}. */
public enum ComplaintStatus implements WireNamed {
  OPEN("open"),
  RESPONDED("responded"),
  ESCALATED("escalated"),
  RESOLVED("resolved"),
  CLOSED("closed");

  private final String wireName;

  ComplaintStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ComplaintStatus fromWire(String value) {
    return WireNamed.parse(ComplaintStatus.class, "complaint status", value);
  }
}
