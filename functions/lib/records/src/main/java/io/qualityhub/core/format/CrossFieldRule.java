package io.qualityhub.core.format;

import java.util.Set;

/**
 * A rule between columns of one row, beyond each column's own type. Rules are data so that the
 * validator, the documentation and the generator all read the same list.
 */
public sealed interface CrossFieldRule {

  /** The column a reject of this rule points at. */
  String column();

  /** {@code column} must be present when {@code whenColumn} holds one of {@code whenValues}. */
  record RequiredWhen(String column, String whenColumn, Set<String> whenValues) implements CrossFieldRule {
    public RequiredWhen {
      whenValues = Set.copyOf(whenValues);
    }
  }

  /**
   * {@code column} must be present when {@code presentColumn} is: a complaint's {@code extended_at} needs its
   * {@code extension_reason}, since the complainant must be told why.
   */
  record RequiredWith(String column, String presentColumn) implements CrossFieldRule {}

  /** {@code column} must be absent unless {@code whenColumn} holds one of {@code allowedValues}. */
  record ForbiddenUnless(String column, String whenColumn, Set<String> allowedValues) implements CrossFieldRule {
    public ForbiddenUnless {
      allowedValues = Set.copyOf(allowedValues);
    }
  }

  /** When both are present, {@code column} (a date or timestamp) must not be earlier than {@code earlierColumn}. */
  record NotBefore(String column, String earlierColumn) implements CrossFieldRule {}
}
