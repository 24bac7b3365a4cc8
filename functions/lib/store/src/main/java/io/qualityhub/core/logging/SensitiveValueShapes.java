package io.qualityhub.core.logging;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers a log line must never carry, whatever field holds them: national
 * ID numbers (Taiwan, resident certificates, PRC) and mobile phone numbers (Taiwan, PRC). The second
 * line of defence behind code that never logs values: a value that slips into a message or an
 * unexpected field is replaced by {@value SensitiveKeyMaskingLayout#MASK} all the same.
 */
final class SensitiveValueShapes {

  private static final Pattern SHAPES = Pattern.compile(String.join("|",
      // Taiwan national ID and resident certificate: a letter, 1/2 or A-D/8/9, eight digits.
      "(?<![A-Za-z0-9])[A-Za-z][12A-Da-d89]\\d{8}(?!\\d)",
      // PRC resident ID: 17 digits and a digit or X.
      "(?<!\\d)\\d{17}[\\dXx](?![\\dA-Za-z])",
      // Taiwan mobile: 09 and eight digits, with optional separators, or +886 9...
      "(?<!\\d)(?:\\+?886[- ]?|0)9\\d{2}[- ]?\\d{3}[- ]?\\d{3}(?!\\d)",
      // PRC mobile: 1, 3-9, nine digits, optionally after +86.
      "(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d)"));

  private SensitiveValueShapes() {}

  /** {@code text} with every identifier-shaped run replaced by the mask; the same instance when none is found. */
  static String mask(String text) {
    if (text.length() < 10) {
      return text;
    }
    return SHAPES.matcher(text).replaceAll(SensitiveKeyMaskingLayout.MASK);
  }
}
