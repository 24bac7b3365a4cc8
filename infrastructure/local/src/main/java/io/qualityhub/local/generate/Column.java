package io.qualityhub.local.generate;

import java.util.List;

/** One column of an upload schema, as far as the generator needs to know it to write and to break values. */
record Column(String name, Kind kind, boolean required, List<String> allowed) {

    enum Kind { TEXT, DATE, TIMESTAMP, BOOLEAN, AMOUNT, CURRENCY, SCORE, ENUM }

    Column {
        allowed = List.copyOf(allowed);
    }

    static Column required(String name, Kind kind) {
        return new Column(name, kind, true, List.of());
    }

    static Column optional(String name, Kind kind) {
        return new Column(name, kind, false, List.of());
    }

    static Column requiredEnum(String name, String... allowed) {
        return new Column(name, Kind.ENUM, true, List.of(allowed));
    }

    static Column optionalEnum(String name, String... allowed) {
        return new Column(name, Kind.ENUM, false, List.of(allowed));
    }
}
