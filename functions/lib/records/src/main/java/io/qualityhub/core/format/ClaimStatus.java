package io.qualityhub.core.format;

/** Claim status: the claims {@code status}. */
public enum ClaimStatus implements WireNamed {
  REPORTED("reported"),
  DOCUMENTS_PENDING("documents_pending"),
  UNDER_REVIEW("under_review"),
  INVESTIGATING("investigating"),
  APPROVED("approved"),
  PAID("paid"),
  CLOSED("closed"),
  REJECTED("rejected"),
  WITHDRAWN("withdrawn");

  private final String wireName;

  ClaimStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static ClaimStatus fromWire(String value) {
    return WireNamed.parse(ClaimStatus.class, "claim status", value);
  }
}
