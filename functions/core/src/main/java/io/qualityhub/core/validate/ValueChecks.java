package io.qualityhub.core.validate;

import io.qualityhub.core.format.Column;
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
      case TEXT -> true;
      case DATE -> parseDate(value) != null;
      case TIMESTAMP -> parseTimestamp(value) != null;
      case BOOLEAN -> value.equals("Y") || value.equals("N");
      case AMOUNT -> isAmount(value);
      case CURRENCY -> CURRENCIES.contains(value);
      case SCORE -> value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '5';
      case ENUM -> column.allowed().contains(value);
    };
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
      return OffsetDateTime.parse(value);
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
