package io.qualityhub.monitor;

import io.qualityhub.deadlines.Digest;
import java.util.Objects;

/**
 * A digest the mail service accepted, with the message exactly as sent.
 *
 * @param digest the digest
 * @param mime   the RFC 5322 message (ASCII: the bodies are base64), as an {@code .eml} file holds it
 */
public record SentDigest(Digest digest, String mime) {

  public SentDigest {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(mime, "mime");
  }
}
