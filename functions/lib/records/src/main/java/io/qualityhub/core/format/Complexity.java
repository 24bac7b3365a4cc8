package io.qualityhub.core.format;

/** Claim complexity: the claims {@code complexity}. */
public enum Complexity implements WireNamed {
  SIMPLE("simple"),
  COMPLEX("complex");

  private final String wireName;

  Complexity(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Complexity fromWire(String value) {
    return WireNamed.parse(Complexity.class, "complexity", value);
  }
}
