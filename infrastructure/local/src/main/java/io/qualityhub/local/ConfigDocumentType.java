package io.qualityhub.local;

import java.util.List;

/**
 * A kind of document the configuration store holds: its name on the command line, the function
 * setting it takes the place of, and the policy loader that validates it before it is stored.
 *
 * @param name      e.g. {@code recipients}
 * @param variable  the function setting a stored document replaces, e.g. {@code ALERT_RECIPIENTS}
 * @param describes what the document is, for {@code config} without arguments
 * @param validator the loader the functions use, as a check: every problem with its JSON path
 */
record ConfigDocumentType(String name, String variable, String describes, Validator validator) {

  /** Loads a document as the functions would and returns every problem found, each with its JSON path; empty when valid. */
  @FunctionalInterface
  interface Validator {
    List<String> problems(String json);
  }
}
