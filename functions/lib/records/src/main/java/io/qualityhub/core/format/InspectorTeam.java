package io.qualityhub.core.format;

/** Which record type an inspector inspects: the inspectors {@code team} ({@code all}: any). */
public enum InspectorTeam implements WireNamed {
  SALES("sales"),
  UNDERWRITING("underwriting"),
  FOLLOWUPS("followups"),
  CLAIMS("claims"),
  COMPLAINTS("complaints"),
  ALL("all");

  private final String wireName;

  InspectorTeam(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static InspectorTeam fromWire(String value) {
    return WireNamed.parse(InspectorTeam.class, "team", value);
  }
}
