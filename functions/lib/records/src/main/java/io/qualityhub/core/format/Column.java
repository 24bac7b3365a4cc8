package io.qualityhub.core.format;

import java.util.List;
import java.util.Objects;

/**
 * One column of a record type: its name on the wire, its type, whether the format requires it,
 * whether it is sensitive (encrypted at rest, never echoed), and for enums the allowed values.
 */
public record Column(String name, ColumnType type, boolean required, boolean sensitive, List<String> allowed) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowed = List.copyOf(allowed);
    if ((type == ColumnType.ENUM) == allowed.isEmpty()) {
      throw new IllegalArgumentException("column " + name + ": allowed values go with ENUM columns only");
    }
  }

  static Column required(String name, ColumnType type) {
    return new Column(name, type, true, false, List.of());
  }

  static Column optional(String name, ColumnType type) {
    return new Column(name, type, false, false, List.of());
  }

  static <E extends Enum<E> & WireNamed> Column requiredEnum(String name, Class<E> valueSet) {
    return new Column(name, ColumnType.ENUM, true, false, WireNamed.wireNames(valueSet));
  }

  static <E extends Enum<E> & WireNamed> Column optionalEnum(String name, Class<E> valueSet) {
    return new Column(name, ColumnType.ENUM, false, false, WireNamed.wireNames(valueSet));
  }

  static Column sensitive(String name, boolean required) {
    return new Column(name, ColumnType.TEXT, required, true, List.of());
  }
}
