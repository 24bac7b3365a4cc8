package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who violates rules again and again (policy III.4.3, 多次出現違規行為): staff with at least {@link #MIN_VIOLATIONS}
 * violations that occurred in the {@link #WINDOW_MONTHS} rolling months up to and including a day, that is from the
 * day after the same date {@value #WINDOW_MONTHS} months earlier (as of 2026-11-30: 2025-12-01 to 2026-11-30). A
 * violation reported twice (same branch and record id) counts once. The policy asks for focused training and
 * supervision of them, on top of each sanction; their records also weigh more in the next draws wherever the plan has a
 * {@code repeatViolator} rule (its weight is the factor).
 */
public final class RepeatViolators {

    public static final int MIN_VIOLATIONS = 2;
    public static final int WINDOW_MONTHS = 12;

    private RepeatViolators() {
    }

    /** The first day of the window that ends on {@code asOf}. */
    public static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusMonths(WINDOW_MONTHS).plusDays(1);
    }

    /** Repeat violators as of {@code asOf}, by staff id. */
    public static List<RepeatViolator> asOf(LocalDate asOf, Collection<Violation> violations) {
        LocalDate from = windowStart(asOf);
        Map<String, Violation> once = new TreeMap<>();
        violations.stream().filter(violation -> !violation.occurredOn().isBefore(from)
                        && !violation.occurredOn().isAfter(asOf))
                .forEach(violation -> once.putIfAbsent(violation.branch() + "/" + violation.recordId(), violation));
        Map<String, List<Violation>> byStaff = new TreeMap<>();
        once.values().forEach(violation -> byStaff.computeIfAbsent(violation.staffId(), id -> new ArrayList<>())
                .add(violation));
        List<RepeatViolator> flagged = new ArrayList<>();
        byStaff.forEach((staffId, theirs) -> {
            if (theirs.size() >= MIN_VIOLATIONS) {
                theirs.sort(Comparator.comparing(Violation::occurredOn).thenComparing(Violation::branch)
                        .thenComparing(Violation::recordId));
                Set<String> branches = theirs.stream().map(Violation::branch).collect(Collectors.toCollection(TreeSet::new));
                flagged.add(new RepeatViolator(staffId, theirs.getLast().department(), List.copyOf(branches),
                        theirs.size(), theirs.getFirst().occurredOn(), theirs.getLast().occurredOn(),
                        theirs.stream().map(violation -> violation.branch() + "/" + violation.recordId()).toList()));
            }
        });
        return flagged;
    }

    /** Their staff ids, for weighing their records in a draw. */
    public static Set<String> staffIds(List<RepeatViolator> flagged) {
        return flagged.stream().map(RepeatViolator::staffId).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The quality department's list as RFC 4180 CSV (CRLF): {@code staff_id, department, branches} ({@code ;}-separated),
     * {@code violations, first_on, last_on, violation_ids} ({@code ;}-separated), {@code window_from, window_to}. Staff
     * ids, codes, counts and dates only.
     */
    public static String csv(LocalDate asOf, List<RepeatViolator> flagged) {
        StringBuilder csv = new StringBuilder("staff_id,department,branches,violations,first_on,last_on,violation_ids,"
                + "window_from,window_to\r\n");
        for (RepeatViolator violator : flagged) {
            csv.append(String.join(",", InspectionTaskCsv.cell(violator.staffId()),
                    InspectionTaskCsv.cell(violator.department()),
                    InspectionTaskCsv.cell(String.join(";", violator.branches())),
                    Integer.toString(violator.violations()), violator.firstOn().toString(), violator.lastOn().toString(),
                    InspectionTaskCsv.cell(String.join(";", violator.violationIds())),
                    windowStart(asOf).toString(), asOf.toString())).append("\r\n");
        }
        return csv.toString();
    }

    /** Counts per department, for the alert's summary line. */
    public static Map<String, Long> perDepartment(List<RepeatViolator> flagged) {
        return flagged.stream().collect(Collectors.groupingBy(RepeatViolator::department, TreeMap::new,
                Collectors.counting()));
    }
}
