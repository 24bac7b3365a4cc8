package io.qualityhub.core.crypto;

/**
 * What a re-wrap did.
 *
 * @param rewrapped wrapped data keys now under the destination key (one KMS ReEncrypt each)
 * @param alreadyThere wrapped data keys that were under the destination key already (a re-run)
 */
public record RewrapResult(int rewrapped, int alreadyThere) {}
