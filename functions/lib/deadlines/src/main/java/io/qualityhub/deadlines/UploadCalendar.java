package io.qualityhub.deadlines;

import io.qualityhub.core.policy.JsonChecker;
import io.qualityhub.core.policy.PolicyJson;
import io.qualityhub.core.policy.UnreadablePolicyException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The upload calendar: which record types each configured branch sends on which business days, and the time of day
 * on the next business day by which a business date's files are due. A branch the calendar does not name is learned
 * from what it sent ({@link UploadExpectations}). Stored as the {@code upload-calendar} document of the configuration
 * store (docs/uploads.md):
 *
 * <pre>{"version": "2026-12-1", "cutoff": "12:00",
 *  "branches": {"TXG-03": {"since": "2026-11-20", "expect": {"claims": "business_days", "portfolio": ["FRIDAY"]}}}}</pre>
 *
 * @param version  recorded with what the calendar produced; {@code learned} when no calendar is stored
 * @param cutoff   the time of day, in the company time zone, on the business day after a business date
 * @param branches configured branches; every other branch is learned
 */
public record UploadCalendar(String version, LocalTime cutoff, Map<String, BranchUploads> branches) {

    /** The company time a business date's files are due on the next business day, unless the calendar says otherwise. */
    public static final LocalTime DEFAULT_CUTOFF = LocalTime.NOON;
    /** The value of a type in {@code expect} that means every business day. */
    public static final String EVERY_BUSINESS_DAY = "business_days";

    private static final List<String> TOP_KEYS = List.of("version", "cutoff", "branches");
    private static final List<String> BRANCH_KEYS = List.of("since", "expect");
    private static final java.util.regex.Pattern BRANCH = java.util.regex.Pattern.compile("[A-Z0-9-]{2,16}");

    public UploadCalendar {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cutoff, "cutoff");
        branches = Map.copyOf(branches);
    }

    /** No calendar stored: every branch is learned, due at the default cutoff. */
    public static UploadCalendar learnedOnly() {
        return new UploadCalendar("learned", DEFAULT_CUTOFF, Map.of());
    }

    /** The configuration of {@code branch}, or empty when it is learned. */
    public Optional<BranchUploads> configured(String branch) {
        return Optional.ofNullable(branches.get(branch));
    }

    /**
     * Reads and checks a calendar document; every problem is reported at once with its JSON path.
     *
     * @param recordTypes the record types branches upload (core's wire names): the only types a calendar may expect
     */
    public static UploadCalendar load(InputStream in, Collection<String> recordTypes, String source) {
        JsonNode root;
        try {
            root = PolicyJson.readDocument(in);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidUploadCalendarException(source, List.of(unreadable.problem().toString()));
        }
        JsonChecker check = new JsonChecker();
        check.onlyKeys(root, "$", TOP_KEYS);
        String version = check.text(root, "$", "version", "add a version, recorded with the alerts it raises");
        LocalTime cutoff = DEFAULT_CUTOFF;
        if (root.has("cutoff")) {
            String text = check.text(root, "$", "cutoff", "give the time as HH:MM, e.g. 12:00");
            cutoff = text == null ? null : time(check, text);
        }
        Map<String, BranchUploads> branches = new LinkedHashMap<>();
        JsonNode branchesNode = check.object(root, "$", "branches", "name each configured branch, e.g. {\"TPE-01\": {...}}");
        if (branchesNode != null) {
            JsonChecker.forEachField(branchesNode, (branch, node) -> {
                String path = JsonChecker.at("$.branches", branch);
                if (!BRANCH.matcher(branch).matches()) {
                    check.problem(path, "not a branch code (2-16 of A-Z, 0-9 and -, as in upload keys)");
                    return;
                }
                BranchUploads uploads = branch(check, node, path, recordTypes);
                if (uploads != null) {
                    branches.put(branch, uploads);
                }
            });
        }
        if (check.hasProblems()) {
            throw new InvalidUploadCalendarException(source, check.problems());
        }
        return new UploadCalendar(version, cutoff, branches);
    }

    private static BranchUploads branch(JsonChecker check, JsonNode node, String path, Collection<String> recordTypes) {
        if (!node.isObject()) {
            check.problem(path, "must be an object with since and expect");
            return null;
        }
        check.onlyKeys(node, path, BRANCH_KEYS);
        LocalDate since = null;
        String sinceText = check.text(node, path, "since", "add the first business date (YYYY-MM-DD) the calendar applies to");
        if (sinceText != null) {
            try {
                since = LocalDate.parse(sinceText);
            } catch (DateTimeParseException e) {
                check.problem(JsonChecker.at(path, "since"), "must be a date YYYY-MM-DD");
            }
        }
        JsonNode expect = check.object(node, path, "expect",
                "map each record type to \"" + EVERY_BUSINESS_DAY + "\" or a list of weekdays; {} expects nothing");
        Map<String, Set<DayOfWeek>> types = new LinkedHashMap<>();
        if (expect != null) {
            JsonChecker.forEachField(expect, (type, days) -> {
                String typePath = JsonChecker.at(JsonChecker.at(path, "expect"), type);
                if (!recordTypes.contains(type)) {
                    check.problem(typePath, "not a record type branches upload; use one of " + new TreeSet<>(recordTypes));
                    return;
                }
                Set<DayOfWeek> weekdays = weekdays(check, days, typePath);
                if (weekdays != null) {
                    types.put(type, weekdays);
                }
            });
        }
        return since == null || expect == null ? null : new BranchUploads(since, types);
    }

    private static Set<DayOfWeek> weekdays(JsonChecker check, JsonNode days, String path) {
        if (days.isTextual() && days.asText().equals(EVERY_BUSINESS_DAY)) {
            return EnumSet.noneOf(DayOfWeek.class);
        }
        if (!days.isArray() || days.isEmpty()) {
            check.problem(path, "must be \"" + EVERY_BUSINESS_DAY + "\" or a non-empty list of weekdays such as [\"MONDAY\"]");
            return null;
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            try {
                weekdays.add(DayOfWeek.valueOf(days.get(i).asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notADay) {
                check.problem(path + "[" + i + "]", "not a weekday; use MONDAY to SUNDAY");
            }
        }
        return weekdays;
    }

    private static LocalTime time(JsonChecker check, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            check.problem("$.cutoff", "must be a time HH:MM, e.g. 12:00");
            return null;
        }
    }
}
