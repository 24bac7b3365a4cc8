package io.qualityhub.local.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads generated files back the way the format page describes them, independently of the generator's writers. */
final class UploadText {

    /** One CSV record, with the file line it starts on (header = line 1). */
    record CsvRecord(long line, List<String> fields) {
    }

    private UploadText() {
    }

    static String read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    /** RFC 4180 records, quoted fields spanning lines included; blank lines skipped. */
    static List<CsvRecord> csv(String text) {
        List<CsvRecord> records = new ArrayList<>();
        int i = 0;
        long line = 1;
        while (i < text.length()) {
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean sawQuote = false;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    sawQuote = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (fields.size() > 1 || !fields.get(0).isEmpty() || sawQuote) {
                records.add(new CsvRecord(start, fields));
            }
        }
        return records;
    }

    /** Header names to values, empty fields left out (empty = absent). */
    static List<Map<String, String>> csvRows(String text) {
        List<CsvRecord> records = csv(text);
        List<String> header = records.get(0).fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!record.fields().get(i).isEmpty()) {
                    row.put(header.get(i), record.fields().get(i));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * A flat JSON object: string, number, true/false and null members. Values come back as
     * {@link String}, {@code Boolean}, a number's source text prefixed with {@code #}, or {@code null}.
     */
    static Map<String, Object> jsonObject(String line) {
        Map<String, Object> members = new LinkedHashMap<>();
        int[] at = {0};
        expect(line, at, '{');
        while (line.charAt(at[0]) != '}') {
            String name = jsonString(line, at);
            expect(line, at, ':');
            char c = line.charAt(at[0]);
            Object value;
            if (c == '"') {
                value = jsonString(line, at);
            } else {
                int end = at[0];
                while (end < line.length() && ",}".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                String literal = line.substring(at[0], end);
                at[0] = end;
                value = switch (literal) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "null" -> null;
                    default -> "#" + literal;
                };
            }
            members.put(name, value);
            if (line.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
        if (at[0] != line.length() - 1) {
            throw new IllegalArgumentException("text after the object: " + line.substring(at[0]));
        }
        return members;
    }

    private static void expect(String text, int[] at, char c) {
        if (text.charAt(at[0]) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at[0] + " in " + text);
        }
        at[0]++;
    }

    private static String jsonString(String text, int[] at) {
        expect(text, at, '"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = text.charAt(at[0]++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(at[0]++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> value.append(escaped);
            }
        }
    }
}
