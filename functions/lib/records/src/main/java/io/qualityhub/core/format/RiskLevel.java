package io.qualityhub.core.format;

/** The underwriting {@code risk_level}. */
public enum RiskLevel implements WireNamed {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String wireName;

  RiskLevel(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static RiskLevel fromWire(String value) {
    return WireNamed.parse(RiskLevel.class, "risk level", value);
  }
}
