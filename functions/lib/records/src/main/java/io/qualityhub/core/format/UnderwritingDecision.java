package io.qualityhub.core.format;

/** The underwriting {@code decision}. */
public enum UnderwritingDecision implements WireNamed {
  PENDING("pending"),
  ACCEPT("accept"),
  DECLINE("decline"),
  REFER("refer"),
  MORE_EVIDENCE("more_evidence");

  private final String wireName;

  UnderwritingDecision(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static UnderwritingDecision fromWire(String value) {
    return WireNamed.parse(UnderwritingDecision.class, "underwriting decision", value);
  }
}
