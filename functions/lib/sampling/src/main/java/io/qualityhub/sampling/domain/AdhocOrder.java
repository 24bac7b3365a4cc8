package io.qualityhub.sampling.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ad-hoc inspection order (policy II.2.2, 不定期抽檢): inspect {@code count} records of one type at one branch,
 * picked at random under the period's secret, or exactly the records named. Checked whole when built; every problem
 * is named with what to do.
 *
 * <p>The reason travels with the tasks to the inspectors' lists, the queue and the audit trail, so it must say why
 * without naming anyone: at most {@value #MAX_REASON_LENGTH} characters, no control characters, and no run of
 * {@value #LONGEST_DIGIT_RUN} or more digits (an ID or phone number; refer to a record by its id instead).
 *
 * @param period    the period the tasks belong to (their ids name it, and {@code --count} picks from its records)
 * @param count     how many records to pick at random, or 0 when {@code recordIds} names them
 * @param recordIds the records to inspect, or empty when {@code count} picks them
 */
public record AdhocOrder(Period period, String branch, String recordType, String reason, String requestedBy,
                         LocalDate requestedOn, int count, List<String> recordIds) {

    /** More than this many tasks is a campaign, not an ad-hoc check: plan it. */
    public static final int MAX_TASKS = 200;
    public static final int MAX_REASON_LENGTH = 200;
    static final int LONGEST_DIGIT_RUN = 8;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}{" + LONGEST_DIGIT_RUN + ",}");

    public AdhocOrder {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(requestedOn, "requestedOn");
        Objects.requireNonNull(requestedBy, "requestedBy");
        recordIds = List.copyOf(recordIds);
        reason = reason == null ? "" : reason.strip();
        List<String> problems = new ArrayList<>();
        if (branch == null || branch.isBlank() || branch.contains("|")) {
            problems.add("--branch: give the branch code whose records to inspect, e.g. TPE-01");
        }
        if (recordType == null || recordType.isBlank() || recordType.contains("|")) {
            problems.add("--type: give the record type to inspect, e.g. sales");
        }
        problems.addAll(reasonProblems(reason));
        if ((count > 0) == !recordIds.isEmpty()) {
            problems.add("give either --count N (records picked at random) or --ids ID,... (the records named), not "
                    + (count > 0 ? "both" : "neither"));
        }
        if (count < 0 || count > MAX_TASKS) {
            problems.add("--count: " + count + " is not from 1 to " + MAX_TASKS + "; larger checks belong in the plan");
        }
        if (recordIds.size() > MAX_TASKS) {
            problems.add("--ids: " + recordIds.size() + " records is more than " + MAX_TASKS
                    + "; larger checks belong in the plan");
        }
        if (recordIds.stream().anyMatch(String::isBlank)) {
            problems.add("--ids: an id is empty; separate ids by single commas");
        }
        if (new LinkedHashSet<>(recordIds).size() != recordIds.size()) {
            problems.add("--ids: an id is named twice; name each record once");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAdhocOrderException(problems);
        }
    }

    /** What is wrong with a reason, in words for whoever typed it; empty when it will do. */
    static List<String> reasonProblems(String reason) {
        List<String> problems = new ArrayList<>();
        if (reason.isEmpty()) {
            problems.add("--reason: say why the records are inspected, e.g. \"complaint CMP-0042: mis-selling suspected\"");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            problems.add("--reason: is longer than " + MAX_REASON_LENGTH + " characters; shorten it");
        }
        if (reason.codePoints().anyMatch(Character::isISOControl)) {
            problems.add("--reason: holds a control character (a line break or tab); write it on one line");
        }
        if (DIGIT_RUN.matcher(reason).find()) {
            // Said without repeating the reason: the run may be an ID or phone number.
            problems.add("--reason: holds a run of " + LONGEST_DIGIT_RUN + " or more digits, which may be an ID or"
                    + " phone number; name the record by its id instead, never a customer's data");
        }
        return problems;
    }

    /**
     * {@code ADH-<yyyyMMdd>-<16 hex digits>}: the day it was asked and a digest of what was asked (not who asked), so
     * giving the same order again on the same day (ids in any order) is the same order, and creates nothing twice.
     */
    public String orderId() {
        String identity = String.join("|", period.toString(), branch, recordType, reason, Integer.toString(count),
                String.join(",", recordIds.stream().sorted().toList()), requestedOn.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "ADH-" + requestedOn.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java platform must provide", e);
        }
    }

    public AdhocRequest request() {
        return new AdhocRequest(orderId(), reason, requestedBy, requestedOn);
    }
}
