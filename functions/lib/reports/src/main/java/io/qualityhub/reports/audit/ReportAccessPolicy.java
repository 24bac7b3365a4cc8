package io.qualityhub.reports.audit;

import io.qualityhub.reports.report.ReportScope;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may fetch which report. Groups {@code auditor} and {@code quality} may fetch every report;
 * {@code branch-manager:{branch}} only reports scoped to that branch (not company-wide ones, which
 * show every branch). Group names match exactly; anyone else is denied.
 */
public final class ReportAccessPolicy {

    public static final String AUDITOR = "auditor";
    public static final String QUALITY = "quality";
    public static final String BRANCH_MANAGER_PREFIX = "branch-manager:";

    private ReportAccessPolicy() {
    }

    public static AccessDecision decide(Set<String> principalGroups, ReportScope reportScope) {
        Set<String> groups = principalGroups == null ? Set.of() : new TreeSet<>(principalGroups);
        if (groups.contains(AUDITOR)) {
            return allow(AUDITOR, "auditors may read every report");
        }
        if (groups.contains(QUALITY)) {
            return allow(QUALITY, "the quality department may read every report");
        }
        String denied = groups.isEmpty() ? "none" : String.join(",", groups);
        if (!reportScope.isCompany()) {
            String ownGroup = BRANCH_MANAGER_PREFIX + reportScope.branch();
            if (groups.contains(ownGroup)) {
                return allow(ownGroup, "branch managers may read their own branch's reports");
            }
        }
        boolean isBranchManager = groups.stream().anyMatch(group -> group.startsWith(BRANCH_MANAGER_PREFIX));
        String reason = !isBranchManager ? "no group that grants report access (auditor, quality, branch-manager:{branch})"
                : reportScope.isCompany() ? "branch managers may not read company-wide reports"
                : "branch managers may read only their own branch's reports, not " + reportScope.branch() + "'s";
        return new AccessDecision(AccessRecord.Decision.DENY, denied, reason);
    }

    private static AccessDecision allow(String role, String reason) {
        return new AccessDecision(AccessRecord.Decision.ALLOW, role, reason);
    }
}
