package io.qualityhub.local.generate;

import java.time.LocalDate;
import java.util.List;

/** The quality department's inspection results; a failed one carries its corrective action. */
final class FindingSource extends GeneratedSource {

    private static final String[] SEVERITIES = {"minor", "minor", "major", "critical"};
    private static final List<String> REQUIRED_ON_FAIL = List.of("severity", "corrective_action", "action_owner", "action_due_on");

    FindingSource(Fakes fakes, String branch, LocalDate businessDate) {
        super(RecordSchema.FINDINGS, fakes, branch, businessDate);
    }

    @Override
    public Row next() {
        sequence++;
        LocalDate inspectedOn = businessDate.minusDays(fakes.between(0, 10));
        Row row = new Row(schema, branch)
                .set("inspection_id", "INS-" + datePart + "-" + String.format("%07d", sequence))
                .set("inspector_id", "QA-" + String.format("%02d", fakes.between(1, 12)))
                .set("inspected_on", inspectedOn.toString())
                .set("result", "pass");
        if (fakes.chance(0.35)) {
            fail(row, inspectedOn);
        } else if (fakes.chance(0.2)) {
            row.set("finding", "抽查十件皆符合");
        }
        return row;
    }

    private void fail(Row row, LocalDate inspectedOn) {
        String status = fakes.pick(new String[] {"open", "open", "done", "verified"});
        row.set("result", "fail")
                .set("severity", fakes.pick(SEVERITIES))
                .set("finding", fakes.finding())
                .set("corrective_action", fakes.correctiveAction())
                .set("action_owner", fakes.pick(new String[] {"分公司經理", "業務主管", "理賠主管", "客服主管"}))
                .set("action_due_on", inspectedOn.plusDays(fakes.between(7, 30)).toString())
                .set("action_status", status)
                .set("action_closed_on", status.equals("open") ? null
                        : inspectedOn.plusDays(fakes.between(0, (int) (businessDate.toEpochDay() - inspectedOn.toEpochDay())))
                                .toString());
    }

    @Override
    public String breakRule(Defect defect, Row row) {
        LocalDate inspectedOn = LocalDate.parse((String) row.get("inspected_on"));
        return switch (defect) {
            case CONDITIONAL_REQUIRED -> {
                if (!"fail".equals(row.get("result"))) {
                    fail(row, inspectedOn);
                }
                String column = REQUIRED_ON_FAIL.get(fakes.random().nextInt(REQUIRED_ON_FAIL.size()));
                row.set(column, null);
                yield column;
            }
            case DATE_ORDER -> {
                row.set("action_closed_on", inspectedOn.minusDays(fakes.between(1, 10)).toString());
                yield "action_closed_on";
            }
            default -> null;
        };
    }
}
