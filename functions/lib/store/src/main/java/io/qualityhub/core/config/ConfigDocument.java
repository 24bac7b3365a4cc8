package io.qualityhub.core.config;

import java.time.Instant;

/**
 * One stored version of a configuration document (recipients directory, policy override, ...).
 *
 * @param name      the document's name, e.g. {@code recipients}
 * @param version   1 for the first document stored under the name, then one more per change
 * @param variable  the function setting the document takes the place of, e.g. {@code ALERT_RECIPIENTS}
 * @param body      the document as stored (JSON text)
 * @param sha256    SHA-256 of the body's UTF-8 bytes, lower-case hex
 * @param changedBy who stored it (an ARN or {@code os-user:NAME})
 * @param changedAt when
 */
public record ConfigDocument(String name, int version, String variable, String body, String sha256, String changedBy,
    Instant changedAt) {

  /** How logs and the audit trail name it: {@code recipients@3}. */
  public String label() {
    return name + "@" + version;
  }
}
