package io.qualityhub.core.crypto;

/**
 * A stored item or encrypted value does not authenticate: changed, truncated, stripped of an
 * attribute, given a foreign one, or copied from elsewhere. The message names the item key and
 * the check that failed, never a value.
 */
public final class TamperedValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which integrity check failed. */
  public enum Check {
    /** The item carries no integrity tag (or one of an unknown scheme). */
    ITEM_TAG_MISSING,
    /** The data key the item names does not exist, or does not unwrap for the item's file and generation. */
    DATA_KEY,
    /** The item's attributes are not those it was written with. */
    ITEM_ATTRIBUTES,
    /** An encrypted attribute does not decrypt under its item, attribute and key. */
    ENCRYPTED_VALUE
  }

  private final String itemKey;
  private final Check check;
  private final String attribute;

  public TamperedValueException(String itemKey, Check check, String attribute, String message) {
    this(itemKey, check, attribute, message, null);
  }

  public TamperedValueException(String itemKey, Check check, String attribute, String message, Throwable cause) {
    super(message, cause);
    this.itemKey = itemKey;
    this.check = check;
    this.attribute = attribute;
  }

  /** {@code pk|sk} of the item that failed. */
  public String itemKey() {
    return itemKey;
  }

  public Check check() {
    return check;
  }

  /** The encrypted attribute that failed, for {@link Check#ENCRYPTED_VALUE}; else {@code null}. */
  public String attribute() {
    return attribute;
  }
}
