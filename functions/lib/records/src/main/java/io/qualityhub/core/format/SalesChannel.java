package io.qualityhub.core.format;

/** How a policy was sold: the sales {@code channel}. */
public enum SalesChannel implements WireNamed {
  AGENT("agent"),
  BANCASSURANCE("bancassurance"),
  TELEMARKETING("telemarketing"),
  ONLINE("online"),
  BROKER("broker");

  private final String wireName;

  SalesChannel(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static SalesChannel fromWire(String value) {
    return WireNamed.parse(SalesChannel.class, "sales channel", value);
  }
}
