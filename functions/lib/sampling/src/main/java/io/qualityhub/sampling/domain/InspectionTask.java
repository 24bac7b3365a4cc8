package io.qualityhub.sampling.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A record to inspect. The task id depends only on the period and the record, so drawing a period again yields
 * the same ids and a store keyed by task id gains no duplicates.
 *
 * @param productLine the record's product line, or {@code null} for types without one
 * @param team        the inspection team whose task list carries the task
 * @param reasons     risk rules that raised the record's weight; empty for a routine pick
 * @param assignment  who inspects it; {@link Assignment#UNASSIGNED} until {@link InspectorAssigner} runs
 * @param adhoc       the ad-hoc order that asked for the task, or {@code null} for a task of the random draw
 */
public record InspectionTask(String taskId, Period period, RecordKey record, String productLine, String team,
                             List<String> reasons, double inclusionProbability, LocalDate dueOn,
                             Assignment assignment, AdhocRequest adhoc) {

    /** A task of the period's random draw. */
    public InspectionTask(String taskId, Period period, RecordKey record, String productLine, String team,
                          List<String> reasons, double inclusionProbability, LocalDate dueOn, Assignment assignment) {
        this(taskId, period, record, productLine, team, reasons, inclusionProbability, dueOn, assignment, null);
    }

    public InspectionTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(assignment, "assignment");
        reasons = List.copyOf(reasons);
    }

    /** {@code INS-<period>-<16 hex digits of SHA-256(period|type|branch|id)>}, e.g. {@code INS-2026-11-5f0c...}. */
    public static String idFor(Period period, RecordKey record) {
        String identity = period + "|" + record.recordType() + "|" + record.branch() + "|" + record.recordId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "INS-" + period + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256, which every Java platform must provide", e);
        }
    }

    public String recordType() {
        return record.recordType();
    }

    public String branch() {
        return record.branch();
    }

    public InspectionTask withAssignment(Assignment newAssignment) {
        return new InspectionTask(taskId, period, record, productLine, team, reasons, inclusionProbability, dueOn,
                newAssignment, adhoc);
    }

    /** Ordered ad hoc rather than drawn: outside the random sample, its statistics and its verification. */
    public boolean isAdhoc() {
        return adhoc != null;
    }

    /** The task as a sample entry, to verify stored tasks against a recomputed sample. */
    public SelectedUnit toSelectedUnit() {
        return new SelectedUnit(record, productLine, inclusionProbability, reasons);
    }
}
