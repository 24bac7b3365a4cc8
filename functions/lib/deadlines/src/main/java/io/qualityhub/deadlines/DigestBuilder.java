package io.qualityhub.deadlines;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a run's deliveries into one digest per recipient: alerts grouped by level (most urgent first) and then by
 * branch, each line with the item's id as the branch sent it, the clock, product or severity, due time, time used
 * and time late. A digest is written in Traditional Chinese with English after it, or in the one language the
 * recipients directory names for the recipient; the words come from {@link DigestWording}, branch names from the
 * branch directory. Everything shown comes from the snapshots, which carry no customer data.
 */
public final class DigestBuilder {

    private static final Comparator<Alert> LINE_ORDER = Comparator
            .comparing((Alert alert) -> alert.deadline().itemType())
            .thenComparing(alert -> alert.deadline().dueAt())
            .thenComparing(alert -> alert.deadline().itemId())
            .thenComparing(alert -> alert.deadline().clock());
    private static final String TEXT_DIVIDER = "\n----------------------------------------\n\n";

    private final ZoneId zone;
    private final BranchDirectory branches;
    private final RecipientsDirectory recipients;

    /**
     * @param zone       the company time zone, in which dates and times are shown
     * @param branches   the branches' names, shown beside their codes
     * @param recipients whose language preferences decide what each digest is written in
     */
    public DigestBuilder(ZoneId zone, BranchDirectory branches, RecipientsDirectory recipients) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.branches = Objects.requireNonNull(branches, "branches");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
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
        LocalDateTime run = LocalDateTime.ofInstant(runAt, zone);
        List<DigestWording> wordings = recipients.languageOf(recipient).wordings();
        List<String> subjects = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        StringBuilder htmlSections = new StringBuilder();
        for (DigestWording wording : wordings) {
            String counts = grouped.entrySet().stream()
                    .map(level -> wording.levelCount(level.getKey(), count(level.getValue())))
                    .collect(Collectors.joining(wording.countSeparator()));
            subjects.add(wording.subject(run.toLocalDate(), counts));
            String runLine = wording.runLine(run, zone, alerts.size(), counts);
            texts.add(text(wording, recipient, runLine, grouped));
            htmlSections.append(html(wording, recipient, runLine, grouped));
        }
        String subject = String.join(" / ", subjects);
        String html = "<!DOCTYPE html>\n<html lang=\"" + wordings.getFirst().languageTag()
                + "\"><head><meta charset=\"utf-8\"><title>" + escape(subject) + "</title></head>\n<body>\n"
                + htmlSections + "</body></html>\n";
        return new Digest(recipient, subject, String.join(TEXT_DIVIDER, texts), html, records(recipient, grouped));
    }

    private String text(DigestWording wording, String recipient, String runLine,
                        SortedMap<AlertLevel, SortedMap<String, List<Alert>>> grouped) {
        StringBuilder text = new StringBuilder()
                .append(wording.heading(recipient)).append('\n')
                .append(runLine).append('\n')
                .append(wording.note()).append('\n');
        grouped.forEach((level, byBranch) -> {
            text.append('\n').append(wording.levelLine(level, count(byBranch))).append('\n');
            byBranch.forEach((branch, lines) -> {
                text.append("  ").append(printable(wording.branchLine(branch, branches, lines.size()))).append('\n');
                for (Alert alert : lines) {
                    text.append("    - ").append(String.join(" | ", cells(wording, alert))).append('\n');
                }
            });
        });
        return text.toString();
    }

    private String html(DigestWording wording, String recipient, String runLine,
                        SortedMap<AlertLevel, SortedMap<String, List<Alert>>> grouped) {
        StringBuilder html = new StringBuilder()
                .append("<section lang=\"").append(wording.languageTag()).append("\">\n<h1>")
                .append(escape(wording.heading(recipient)))
                .append("</h1>\n<p>").append(escape(runLine)).append(' ').append(escape(wording.note()))
                .append("</p>\n");
        grouped.forEach((level, byBranch) -> {
            html.append("<h2>").append(escape(wording.levelLine(level, count(byBranch)))).append("</h2>\n");
            byBranch.forEach((branch, lines) -> {
                html.append("<h3>").append(escape(printable(wording.branchLine(branch, branches, lines.size()))))
                        .append("</h3>\n<table border=\"1\" cellpadding=\"4\"><tr>");
                wording.columns().forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
                html.append("</tr>\n");
                for (Alert alert : lines) {
                    html.append("<tr>");
                    for (String cell : cells(wording, alert)) {
                        html.append("<td>").append(escape(cell)).append("</td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            });
        });
        return html.append("</section>\n").toString();
    }

    /** Item type, id, clock, category, due, used and late, assignee: the same cells in text and HTML. */
    private List<String> cells(DigestWording wording, Alert alert) {
        OpenDeadline deadline = alert.deadline();
        return List.of(wording.itemType(deadline.itemType()), printable(deadline.itemId()),
                wording.clock(deadline.clock()), printable(wording.category(deadline.category())),
                due(wording, deadline.dueAt()), wording.used(alert.used(), deadline.limit(), alert.late()),
                printable(wording.assignee(deadline.itemType(), deadline.assignee())));
    }

    /** Ids come from branch files, where a quoted CSV field may hold line breaks; one must not forge a digest line. */
    private static String printable(String value) {
        StringBuilder printable = new StringBuilder(value.length());
        value.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return printable.toString();
    }

    /** Deadlines at local midnight read as the end of the day before, which is how people count days. */
    private String due(DigestWording wording, Instant dueAt) {
        LocalDateTime local = LocalDateTime.ofInstant(dueAt, zone);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return wording.dueByEndOf(local.toLocalDate().minusDays(1));
        }
        return wording.dueAt(local);
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

    private static int count(Map<String, List<Alert>> byBranch) {
        return byBranch.values().stream().mapToInt(List::size).sum();
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
