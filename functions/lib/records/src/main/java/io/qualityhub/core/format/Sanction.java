package io.qualityhub.core.format;

/** The violations {@code sanction}. */
public enum Sanction implements WireNamed {
  WARNING("warning"),
  FINE("fine"),
  SUSPENSION("suspension"),
  TERMINATION("termination"),
  TRAINING("training");

  private final String wireName;

  Sanction(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Sanction fromWire(String value) {
    return WireNamed.parse(Sanction.class, "sanction", value);
  }
}
