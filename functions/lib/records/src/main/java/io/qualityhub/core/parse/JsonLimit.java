package io.qualityhub.core.parse;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The stream limit a JSON Lines row broke, in words for branch IT. Jackson tells which limit only
 * in its message's opening words, which never quote the content.
 */
enum JsonLimit {
  NESTING("Document nesting depth", "the value of key number %d nests objects or arrays deeper than "
      + JsonLinesRowReader.MAX_NESTING_DEPTH + " levels"),
  NUMBER("Number value length", "the value of key number %d is a number longer than "
      + JsonLinesRowReader.MAX_NUMBER_LENGTH + " characters"),
  NAME("Name length", "key number %d is longer than " + JsonLinesRowReader.MAX_NAME_LENGTH + " characters"),
  STRING("String value length", "the value of key number %d is longer than the row limit"),
  DOCUMENT("Document length", "the line is longer than the row limit (key number %d)"),
  OTHER("", "the line exceeds a limit of the JSON reader at key number %d");

  private final String jacksonPrefix;
  private final String description;

  JsonLimit(String jacksonPrefix, String description) {
    this.jacksonPrefix = jacksonPrefix;
    this.description = description;
  }

  static JsonLimit of(StreamConstraintsException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    for (JsonLimit limit : values()) {
      if (limit != OTHER && message.startsWith(limit.jacksonPrefix)) {
        return limit;
      }
    }
    return OTHER;
  }

  /** @param keyNumber the top-level key (from 1) whose name or value broke the limit */
  String describe(int keyNumber) {
    return String.format(description, keyNumber);
  }
}
