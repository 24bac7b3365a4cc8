package io.qualityhub.core.format;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An enum constant spelled on the wire (upload format, policy JSON, alert records) in lower snake case. The upload
 * format's value sets are such enums, here in one place; the domains (deadlines, sampling, reports) use them as they
 * are and keep only their own meaning on top (which statuses are open, which settle a claim).
 */
public interface WireNamed {

  String wireName();

  /**
   * Parses a wire value. The message names the field and the accepted values; the values parsed here are
   * codes (statuses, product lines), never customer data, so echoing them is safe.
   */
  static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String field, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(field + ": '" + value + "' is not one of " + accepted(type));
  }

  static <E extends Enum<E> & WireNamed> String accepted(Class<E> type) {
    return String.join(", ", wireNames(type));
  }

  /** The wire names of a value set, in the order the format page lists them. */
  static <E extends Enum<E> & WireNamed> List<String> wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.toUnmodifiableList());
  }
}
