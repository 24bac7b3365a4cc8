package io.qualityhub.reports.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The parts of a report that the published JSON report and the report's snapshot write alike, so that the two
 * never drift apart: a sample's assurance and a corrective action's facts.
 */
public final class SectionJson {

    private SectionJson() {
    }

    /**
     * A sample's strata, each team's agreement and the repeat violators; {@code measures} adds a team's agreement
     * measures in the caller's form (rounded for people, exact for reading back).
     */
    public static void sample(ObjectNode node, SampleAssurance sample,
            BiConsumer<ObjectNode, SampleAssurance.TeamAgreement> measures) {
        node.put("period", sample.samplePeriod());
        strata(node.putArray("strata"), sample.strata());
        ArrayNode agreement = node.putArray("agreement");
        for (SampleAssurance.TeamAgreement team : sample.agreement()) {
            ObjectNode t = agreement.addObject();
            t.put("team", team.team());
            t.put("pairs", team.pairs());
            t.put("agreements", team.agreements());
            measures.accept(t, team);
            team.disagreements().forEach(t.putArray("disagreements")::add);
        }
        repeatViolators(node.putArray("repeatViolators"), sample.repeatViolators());
    }

    /** Each stratum's codes, counts and statement; a stratum not split by product line names none. */
    private static void strata(ArrayNode array, List<SampleAssurance.StratumStatement> strata) {
        for (SampleAssurance.StratumStatement stratum : strata) {
            ObjectNode s = array.addObject();
            s.put("recordType", stratum.recordType());
            s.put("branch", stratum.branch());
            if (stratum.productLine() != null) {
                s.put("productLine", stratum.productLine());
            }
            s.put("population", stratum.population());
            s.put("sampled", stratum.sampled());
            s.put("inspected", stratum.inspected());
            s.put("deviations", stratum.deviations());
            s.put("statement", stratum.statement());
        }
    }

    private static void repeatViolators(ArrayNode array, List<SampleAssurance.RepeatViolator> violators) {
        for (SampleAssurance.RepeatViolator violator : violators) {
            ObjectNode v = array.addObject();
            v.put("staffId", violator.staffId());
            v.put("department", violator.department());
            violator.branches().forEach(v.putArray("branches")::add);
            v.put("violations", violator.violations());
        }
    }

    /**
     * The action's facts, with its status as the caller words it (the report for people, the snapshot for reading
     * back); the node is returned for what only one of them adds.
     */
    public static ObjectNode action(ArrayNode array, CorrectiveActionItem action, String status) {
        ObjectNode a = array.addObject();
        a.put("branch", action.branch());
        a.put("inspectionId", action.inspectionId());
        a.put("severity", action.severity());
        a.put("owner", action.owner());
        a.put("raisedOn", action.raisedOn().toString());
        a.put("dueOn", action.dueOn().toString());
        a.put("status", status);
        if (action.closedOn() != null) {
            a.put("closedOn", action.closedOn().toString());
        }
        if (action.checkDueOn() != null) {
            a.put("checkDueOn", action.checkDueOn().toString());
        }
        return a;
    }
}
