package io.qualityhub.reports.audit;

import io.qualityhub.reports.report.ReportScope;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportAccessPolicyTest {

    private static final ReportScope TPE = ReportScope.branch("TPE-01");
    private static final ReportScope COMPANY = ReportScope.company();

    @Test
    void auditorsAndQualityReadEverything() {
        AccessDecision auditor = ReportAccessPolicy.decide(Set.of("auditor"), COMPANY);
        assertTrue(auditor.allowed());
        assertEquals("auditor", auditor.role());
        assertTrue(ReportAccessPolicy.decide(Set.of("auditor"), TPE).allowed());
        AccessDecision quality = ReportAccessPolicy.decide(Set.of("quality"), TPE);
        assertTrue(quality.allowed());
        assertEquals("quality", quality.role());
    }

    @Test
    void branchManagersReadOnlyTheirOwnBranch() {
        AccessDecision own = ReportAccessPolicy.decide(Set.of("branch-manager:TPE-01"), TPE);
        assertTrue(own.allowed());
        assertEquals("branch-manager:TPE-01", own.role());

        AccessDecision other = ReportAccessPolicy.decide(Set.of("branch-manager:KHH-02"), TPE);
        assertFalse(other.allowed());
        assertEquals("branch-manager:KHH-02", other.role());
        assertEquals("branch managers may read only their own branch's reports, not TPE-01's", other.reason());

        AccessDecision company = ReportAccessPolicy.decide(Set.of("branch-manager:TPE-01"), COMPANY);
        assertFalse(company.allowed());
        assertEquals("branch managers may not read company-wide reports", company.reason());
    }

    @Test
    void aManagerOfSeveralBranchesIsAllowedByTheMatchingGroup() {
        AccessDecision decision = ReportAccessPolicy.decide(Set.of("branch-manager:KHH-02", "branch-manager:TPE-01"), TPE);
        assertTrue(decision.allowed());
        assertEquals("branch-manager:TPE-01", decision.role());
    }

    @Test
    void unknownMissingOrMiscasedGroupsAreDenied() {
        assertFalse(ReportAccessPolicy.decide(Set.of(), COMPANY).allowed());
        assertEquals("none", ReportAccessPolicy.decide(null, COMPANY).role());
        assertFalse(ReportAccessPolicy.decide(Set.of("Auditor"), COMPANY).allowed());
        assertFalse(ReportAccessPolicy.decide(Set.of("branch-manager:tpe-01"), TPE).allowed());
        assertFalse(ReportAccessPolicy.decide(Set.of("branch-manager:TPE-01x"), TPE).allowed());
        assertEquals("no group that grants report access (auditor, quality, branch-manager:{branch})",
                ReportAccessPolicy.decide(Set.of("sales"), TPE).reason());
    }
}
