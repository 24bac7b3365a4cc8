package io.qualityhub.reports.report;

import java.util.regex.Pattern;

/** What a report covers: the whole company, or one branch. */
public record ReportScope(String branch) {

    private static final Pattern BRANCH_CODE = Pattern.compile("[A-Z0-9-]{2,16}");
    private static final ReportScope COMPANY = new ReportScope(null);

    public ReportScope {
        if (branch != null && !BRANCH_CODE.matcher(branch).matches()) {
            throw new IllegalArgumentException(
                    "branch code '" + branch + "' is not 2-16 of A-Z, 0-9 and '-' (as in TPE-01)");
        }
    }

    public static ReportScope company() {
        return COMPANY;
    }

    public static ReportScope branch(String branch) {
        if (branch == null) {
            throw new IllegalArgumentException("a branch scope needs a branch code");
        }
        return new ReportScope(branch);
    }

    public boolean isCompany() {
        return branch == null;
    }

    /** {@code company} or the branch code; used in report keys and file names. */
    public String label() {
        return isCompany() ? "company" : branch;
    }
}
