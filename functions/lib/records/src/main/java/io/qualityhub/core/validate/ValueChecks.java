package io.qualityhub.core.validate;

import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordId;
import io.qualityhub.core.format.Timestamps;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks one value against its column's type, by the rules of the upload format. */
final class ValueChecks {

  private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
      .map(Currency::getCurrencyCode)
      .collect(Collectors.toUnmodifiableSet());
  private static final int MAX_AMOUNT_INTEGER_DIGITS = 15;

  private ValueChecks() {}

  static boolean isValid(Column column, String value) {
    return switch (column.type()) {
      case TEXT -> isText(value);
      case IDENTIFIER -> RecordId.isWellFormed(value);
      case DATE -> parseDate(value) != null;
      case TIMESTAMP -> parseTimestamp(value) != null;
      case BOOLEAN -> value.equals("Y") || value.equals("N");
      case AMOUNT -> isAmount(value);
      case CURRENCY -> CURRENCIES.contains(value);
      case SCORE -> value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '5';
      case ENUM -> column.allowed().contains(value);
      case MONTH -> isMonth(value);
      case COUNT -> isCount(value);
    };
  }

  static boolean isMonth(String value) {
    if (value.length() != 7 || value.charAt(4) != '-') {
      return false;
    }
    try {
      java.time.YearMonth.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Digits only, at most 12 of them (a trillion policies is beyond any branch). */
  static boolean isCount(String value) {
    if (value.isEmpty() || value.length() > 9) { // at most 999,999,999: read as an int everywhere
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** No NUL, no lone surrogate: what storage and encryption keep exactly as sent. */
  static boolean isText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static LocalDate parseDate(String value) {
    if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static OffsetDateTime parseTimestamp(String value) {
    if (value.length() < 20 || value.length() > 40 || value.charAt(10) != 'T') {
      return null;
    }
    try {
      return Timestamps.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Digits, optionally '.' and one or two digits; no sign, no exponent, no thousands separator. */
  static boolean isAmount(String value) {
    int dot = value.indexOf('.');
    int integerDigits = dot < 0 ? value.length() : dot;
    if (integerDigits == 0 || integerDigits > MAX_AMOUNT_INTEGER_DIGITS || !allDigits(value, 0, integerDigits)) {
      return false;
    }
    if (dot < 0) {
      return true;
    }
    int decimals = value.length() - dot - 1;
    return decimals >= 1 && decimals <= 2 && allDigits(value, dot + 1, value.length());
  }

  private static boolean allDigits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
