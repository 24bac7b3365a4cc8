package io.qualityhub.core.format;

/** Product line, the {@code product_line} of sales, underwriting, claims and portfolio rows. */
public enum ProductLine implements WireNamed {
  LIFE("life"),
  HEALTH("health"),
  ACCIDENT("accident"),
  PROPERTY("property"),
  AUTO("auto");

  private final String wireName;

  ProductLine(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ProductLine fromWire(String value) {
    return WireNamed.parse(ProductLine.class, "product line", value);
  }
}
