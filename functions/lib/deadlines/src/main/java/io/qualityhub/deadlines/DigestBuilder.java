package io.qualityhub.deadlines;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a run's deliveries into one digest per recipient: alerts grouped by level (most urgent first) and then by
 * branch, each line with the item's id as the branch sent it, the clock, product or severity, due time, time used
 * and time late. Everything shown comes from the snapshots, which carry no customer data.
 */
public final class DigestBuilder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Comparator<Alert> LINE_ORDER = Comparator
            .comparing((Alert alert) -> alert.deadline().itemType())
            .thenComparing(alert -> alert.deadline().dueAt())
            .thenComparing(alert -> alert.deadline().itemId())
            .thenComparing(alert -> alert.deadline().clock());

    private final ZoneId zone;

    /** @param zone the company time zone, in which dates and times are shown */
    public DigestBuilder(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** One digest per recipient, in recipient order; none for a run without deliveries. */
    public List<Digest> build(List<Delivery> deliveries, Instant runAt) {
        SortedMap<String, List<Alert>> byRecipient = new TreeMap<>();
        for (Delivery delivery : deliveries) {
            byRecipient.computeIfAbsent(delivery.recipient(), recipient -> new ArrayList<>()).add(delivery.alert());
        }
        List<Digest> digests = new ArrayList<>();
        byRecipient.forEach((recipient, alerts) -> digests.add(digest(recipient, alerts, runAt)));
        return digests;
    }

    private Digest digest(String recipient, List<Alert> alerts, Instant runAt) {
        SortedMap<AlertLevel, SortedMap<String, List<Alert>>> grouped = new TreeMap<>(Comparator.reverseOrder());
        for (Alert alert : alerts) {
            grouped.computeIfAbsent(alert.level(), level -> new TreeMap<>())
                    .computeIfAbsent(alert.deadline().branch(), branch -> new ArrayList<>())
                    .add(alert);
        }
        grouped.values().forEach(byBranch -> byBranch.values().forEach(lines -> lines.sort(LINE_ORDER)));
        String counts = grouped.entrySet().stream()
                .map(level -> count(level.getValue()) + " " + levelName(level.getKey()))
                .collect(Collectors.joining(", "));
        String subject = "QualityHub deadlines " + DAY.format(runAt.atZone(zone)) + ": " + counts;
        String runLine = "Run " + MINUTE.format(runAt.atZone(zone)) + " (" + zone.getId() + "), " + alerts.size()
                + (alerts.size() == 1 ? " alert: " : " alerts: ") + counts + ".";
        return new Digest(recipient, subject, text(recipient, runLine, grouped), html(recipient, subject, runLine,
                grouped), records(recipient, grouped));
    }

    private String text(String recipient, String runLine, SortedMap<AlertLevel, SortedMap<String, List<Alert>>> grouped) {
        StringBuilder text = new StringBuilder()
                .append("QualityHub deadline digest for ").append(recipient).append('\n')
                .append(runLine).append('\n')
                .append("Each item is reported once per level; ids are as the branch sent them.\n");
        grouped.forEach((level, byBranch) -> {
            text.append('\n').append(levelName(level).toUpperCase(Locale.ROOT)).append(": ")
                    .append(count(byBranch)).append('\n');
            byBranch.forEach((branch, lines) -> {
                text.append("  Branch ").append(branch).append(": ").append(lines.size()).append('\n');
                for (Alert alert : lines) {
                    text.append("    - ").append(String.join(" | ", cells(alert))).append('\n');
                }
            });
        });
        return text.toString();
    }

    private String html(String recipient, String subject, String runLine,
                        SortedMap<AlertLevel, SortedMap<String, List<Alert>>> grouped) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head>\n<body>\n<h1>QualityHub deadline digest</h1>\n<p>For ")
                .append(escape(recipient)).append(". ").append(escape(runLine))
                .append(" Each item is reported once per level; ids are as the branch sent them.</p>\n");
        grouped.forEach((level, byBranch) -> {
            html.append("<h2>").append(escape(capitalised(levelName(level)))).append(" (").append(count(byBranch))
                    .append(")</h2>\n");
            byBranch.forEach((branch, lines) -> {
                html.append("<h3>Branch ").append(escape(branch)).append(" (").append(lines.size()).append(")</h3>\n")
                        .append("<table border=\"1\" cellpadding=\"4\"><tr><th>Item</th><th>Id</th><th>Clock</th>")
                        .append("<th>Product / kind</th><th>Due</th><th>Used</th><th>Assignee</th></tr>\n");
                for (Alert alert : lines) {
                    html.append("<tr>");
                    for (String cell : cells(alert)) {
                        html.append("<td>").append(escape(cell)).append("</td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            });
        });
        return html.append("</body></html>\n").toString();
    }

    /** Item type, id, clock, category, due, used and late, assignee: the same cells in text and HTML. */
    private List<String> cells(Alert alert) {
        OpenDeadline deadline = alert.deadline();
        DeadlineLimit limit = deadline.limit();
        String used = alert.used() + " of " + limit.describe() + " used"
                + (alert.late() > 0 ? ", " + alert.late() + " late" : "");
        String assignee = deadline.assignee() == null ? "unassigned" : assigneeRole(deadline.itemType()) + " "
                + deadline.assignee();
        return List.of(deadline.itemType().wireName(), printable(deadline.itemId()),
                deadline.clock().policyId(), printable(deadline.category()), due(deadline.dueAt()),
                used, printable(assignee));
    }

    /** Ids come from branch files, where a quoted CSV field may hold line breaks; one must not forge a digest line. */
    private static String printable(String value) {
        StringBuilder printable = new StringBuilder(value.length());
        value.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return printable.toString();
    }

    /** Deadlines at local midnight read as the end of the day before, which is how people count days. */
    private String due(Instant dueAt) {
        LocalDateTime local = LocalDateTime.ofInstant(dueAt, zone);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return "due by end of " + DAY.format(local.toLocalDate().minusDays(1));
        }
        return "due " + MINUTE.format(local);
    }

    private static List<AlertRecord> records(String recipient,
                                             SortedMap<AlertLevel, SortedMap<String, List<Alert>>> grouped) {
        List<AlertRecord> records = new ArrayList<>();
        grouped.forEach((level, byBranch) -> {
            for (DeadlineClockName clock : DeadlineClockName.values()) {
                byBranch.forEach((branch, lines) -> {
                    TreeSet<String> ids = lines.stream()
                            .filter(alert -> alert.deadline().clock() == clock)
                            .map(alert -> alert.deadline().itemId())
                            .collect(Collectors.toCollection(TreeSet::new));
                    if (!ids.isEmpty()) {
                        ItemType itemType = lines.stream().filter(alert -> alert.deadline().clock() == clock)
                                .findFirst().orElseThrow().deadline().itemType();
                        records.add(new AlertRecord(level.wireName(), recipient, itemType.wireName(),
                                clock.policyId(), branch, List.copyOf(ids)));
                    }
                });
            }
        });
        return records;
    }

    private static String assigneeRole(ItemType itemType) {
        return switch (itemType) {
            case CLAIM -> "handler";
            case COMPLAINT -> "staff";
            case ACTION -> "owner";
            case UPLOAD -> "uploader";
        };
    }

    private static int count(Map<String, List<Alert>> byBranch) {
        return byBranch.values().stream().mapToInt(List::size).sum();
    }

    private static String levelName(AlertLevel level) {
        return level.wireName().replace('_', ' ');
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
