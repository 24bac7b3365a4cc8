package io.qualityhub.core.format;

/** How a complaint came in: the complaints {@code channel}. */
public enum ComplaintChannel implements WireNamed {
  PHONE("phone"),
  EMAIL("email"),
  BRANCH("branch"),
  ONLINE("online"),
  REGULATOR("regulator");

  private final String wireName;

  ComplaintChannel(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ComplaintChannel fromWire(String value) {
    return WireNamed.parse(ComplaintChannel.class, "complaint channel", value);
  }
}
