package io.qualityhub.core.format;

/** What a complaint is about: the complaints {@code concerns_type}. */
public enum ConcernsType implements WireNamed {
  POLICY("policy"),
  CLAIM("claim"),
  SALES("sales"),
  SERVICE("service");

  private final String wireName;

  ConcernsType(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ConcernsType fromWire(String value) {
    return WireNamed.parse(ConcernsType.class, "concerns type", value);
  }
}
