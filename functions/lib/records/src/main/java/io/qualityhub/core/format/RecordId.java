package io.qualityhub.core.format;

import java.text.Normalizer;

/**
 * The upload format's rule for what an id column may hold (docs/upload-format.md, "Id columns"): 1 to
 * {@value #MAX_CODE_POINTS} code points, Unicode NFC, no control, format or separator characters, no lone surrogate.
 * Intake rejects rows whose ids break it, and reports refuse to print anything else as an id, so that whatever intake
 * accepts also prints.
 */
public final class RecordId {

  /** Ids become parts of item keys; 128 code points is at most 512 bytes, well inside DynamoDB's key limits. */
  public static final int MAX_CODE_POINTS = 128;

  private RecordId() {}

  public static boolean isWellFormed(String value) {
    if (value.isEmpty() || value.length() > 2 * MAX_CODE_POINTS
        || value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
      return false;
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      switch (Character.getType(c)) {
        // CONTROL holds NUL; SURROGATE is a lone one, which codePointAt returns as it stands
        case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
             Character.SURROGATE:
          return false;
        default:
          i += Character.charCount(c);
      }
    }
    return Normalizer.isNormalized(value, Normalizer.Form.NFC);
  }
}
