package io.qualityhub.sampling.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Task lists as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break): ids,
 * codes, the assigned inspectors (empty when unassigned), due date, reasons, inclusion probability and whether the
 * task is ad hoc ({@code Y} for a task an ad-hoc order asked for, whose reason is the order id; {@code N} when drawn); no record content. Safe to open in a spreadsheet: a cell starting
 * with {@code = + - @}, tab or carriage return gets a leading {@code '} so it is never run as a formula.
 */
public final class InspectionTaskCsv {

    static final String HEADER = "task_id,period,record_type,branch,record_id,product_line,inspector_id,"
            + "second_inspector_id,due_on,reasons,inclusion_probability,adhoc";

    private InspectionTaskCsv() {
    }

    /** One CSV per team, keyed by team name, tasks in record order. */
    public static SortedMap<String, String> byTeam(Collection<InspectionTask> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(InspectionTask::team, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), InspectionTaskCsv::render)));
    }

    public static String render(List<InspectionTask> tasks) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        tasks.stream().sorted(Comparator.comparing(InspectionTask::record)).forEach(task -> csv.append(String.join(",",
                cell(task.taskId()),
                cell(task.period().toString()),
                cell(task.recordType()),
                cell(task.branch()),
                cell(task.record().recordId()),
                cell(task.productLine() == null ? "" : task.productLine()),
                cell(orEmpty(task.assignment().inspectorId())),
                cell(orEmpty(task.assignment().secondInspectorId())),
                cell(task.dueOn().toString()),
                cell(String.join(";", task.reasons())),
                cell(new BigDecimal(task.inclusionProbability()).round(MathContext.DECIMAL32).stripTrailingZeros()
                        .toPlainString()),
                task.isAdhoc() ? "Y" : "N")).append("\r\n"));
        return csv.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
