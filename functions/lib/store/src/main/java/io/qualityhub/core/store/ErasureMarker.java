package io.qualityhub.core.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a record item shows that a customer's values were erased ({@link CustomerErasure} writes it): each sensitive
 * attribute holds {@link #MARKER} instead of a ciphertext, and {@link #ERASURE_ID} names the request. A class of its
 * own so that reading items needs no part of the erasure itself (which also reaches S3): functions that only read
 * records ship without S3 (decision 0019).
 */
public final class ErasureMarker {

  public static final String MARKER = "ERASED";
  /** The attribute naming the erasure request on each item it changed. */
  public static final String ERASURE_ID = "erasureId";
  static final AttributeValue ERASED = AttributeValue.fromS(MARKER);

  private ErasureMarker() {}

  /** Whether a stored sensitive attribute is the erasure marker rather than a ciphertext. */
  public static boolean isErased(AttributeValue value) {
    return ERASED.equals(value);
  }
}
