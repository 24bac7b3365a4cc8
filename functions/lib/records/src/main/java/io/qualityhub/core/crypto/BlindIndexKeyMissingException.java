package io.qualityhub.core.crypto;

/**
 * The blind-index key item is missing from the records table, or cannot be read or unwrapped.
 * Intake, lookup and erasure stop on it rather than carry on without the key: a replacement key
 * would make terms that never match the stored ones, so lookups and erasures would silently miss
 * rows. Its message names the table, the item and what to do; it never holds key material.
 */
public final class BlindIndexKeyMissingException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public BlindIndexKeyMissingException(String message) {
    super(message);
  }

  public BlindIndexKeyMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}
