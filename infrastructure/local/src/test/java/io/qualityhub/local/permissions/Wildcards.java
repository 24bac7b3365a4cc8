package io.qualityhub.local.permissions;

import java.util.regex.Pattern;

/** IAM's {@code *} and {@code ?} in actions, condition values and ARNs. */
final class Wildcards {

  private Wildcards() {
  }

  /** {@code *} any run of characters, {@code ?} one; case-sensitive (StringLike). */
  static boolean matchText(String pattern, String text) {
    return Pattern.compile(regex(pattern, ".*"), Pattern.DOTALL).matcher(text).matches();
  }

  /** Actions compare without regard to case ({@code s3:getobject} is {@code s3:GetObject}). */
  static boolean matchAction(String pattern, String action) {
    return Pattern.compile(regex(pattern, ".*"), Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }

  /**
   * ARNs: a {@code *} stays within its colon-separated segment, except as the last character of a segment,
   * where it may run past the colons (so {@code ...:log-group:name:*} covers the group's streams).
   */
  static boolean matchArn(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean lastOfSegment = i + 1 == pattern.length() || pattern.charAt(i + 1) == ':';
      regex.append(switch (c) {
        case '*' -> lastOfSegment ? ".*" : "[^:]*";
        case '?' -> "[^:]";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(arn).matches();
  }

  private static String regex(String pattern, String star) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(switch (c) {
        case '*' -> star;
        case '?' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return regex.toString();
  }
}
