package io.qualityhub.core.format;

/** The violations {@code department}. */
public enum Department implements WireNamed {
  SALES("sales"),
  UNDERWRITING("underwriting"),
  CLAIMS("claims"),
  SERVICE("service");

  private final String wireName;

  Department(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Department fromWire(String value) {
    return WireNamed.parse(Department.class, "department", value);
  }
}
