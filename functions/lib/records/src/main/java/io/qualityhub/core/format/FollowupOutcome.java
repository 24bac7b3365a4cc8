package io.qualityhub.core.format;

/** The followups {@code outcome}. */
public enum FollowupOutcome implements WireNamed {
  UNDERSTOOD("understood"),
  NOT_UNDERSTOOD("not_understood"),
  UNREACHABLE("unreachable"),
  ISSUE_RAISED("issue_raised");

  private final String wireName;

  FollowupOutcome(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static FollowupOutcome fromWire(String value) {
    return WireNamed.parse(FollowupOutcome.class, "followup outcome", value);
  }
}
