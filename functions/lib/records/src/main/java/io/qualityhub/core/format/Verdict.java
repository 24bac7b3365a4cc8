package io.qualityhub.core.format;

/** An inspection's result: the findings {@code result}. */
public enum Verdict implements WireNamed {
  PASS("pass"),
  FAIL("fail");

  private final String wireName;

  Verdict(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Verdict fromWire(String value) {
    return WireNamed.parse(Verdict.class, "result", value);
  }
}
