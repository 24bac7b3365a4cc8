package io.qualityhub.reports.report;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The problem area of a special report: which indicators it shows, which one the branch
 * comparison chart plots, which ones the trend chart follows (all in one unit), and whose corrective
 * actions it tracks.
 */
public enum ReportTopic {
    CLAIMS_TIMELINESS("claims-timeliness", "claims", "Claim timeliness", "理賠時效",
            "claims.settled_on_time_pct", List.of("claims.settled_on_time_pct", "claims.green_channel_on_time_pct"),
            Set.of("claims")),
    COMPLAINTS("complaints", "complaints", "Complaint handling", "投訴處理",
            "complaints.resolved_on_time_pct",
            List.of("complaints.first_response_on_time_pct", "complaints.resolved_on_time_pct"),
            Set.of("complaints")),
    SALES_DISCLOSURE("sales-disclosure", "sales", "Sales disclosure", "銷售告知",
            "sales.disclosure_compliance_pct", List.of("sales.disclosure_compliance_pct", "sales.recording_present_pct"),
            Set.of("sales")),
    UNDERWRITING("underwriting", "underwriting", "Underwriting exceptions", "核保例外",
            "underwriting.exception_pct", List.of("underwriting.exception_pct"), Set.of("underwriting")),
    FOLLOWUPS("followups", "followups", "Post-issue follow-up", "承保後回訪",
            "followups.completed_pct", List.of("followups.completed_pct", "followups.understood_pct"),
            Set.of("followups")),
    INSPECTIONS("inspections", "inspections", "Inspections", "品質抽檢",
            "inspections.pass_rate_pct.claim_file",
            List.of("inspections.pass_rate_pct.sales_recording", "inspections.pass_rate_pct.underwriting_file",
                    "inspections.pass_rate_pct.claim_file", "inspections.pass_rate_pct.complaint"),
            Set.of("sales", "underwriting", "claims", "complaints", "followups")),
    CORRECTIVE_ACTIONS("corrective-actions", "actions", "Corrective actions", "整改措施",
            "actions.closed_on_time_pct", List.of("actions.closed_on_time_pct", "actions.awaiting_check",
            "actions.check_overdue", "actions.effective_pct"),
            Set.of("sales", "underwriting", "claims", "complaints", "followups")),
    // Surveys and violations are not sampled for inspection, so no corrective action belongs to them.
    SATISFACTION("satisfaction", "satisfaction", "Customer satisfaction", "客戶滿意度",
            "satisfaction.mean.overall", List.of("satisfaction.mean.sales", "satisfaction.mean.claims",
            "satisfaction.mean.overall"), Set.of()),
    VIOLATIONS("violations", "violations", "Violations and sanctions", "違規與懲處",
            "violations.count.sales.major", List.of("violations.count.sales.major", "violations.count.claims.major"),
            Set.of());

    /** What a periodic report's charts show. */
    public static final String DEFAULT_COMPARISON = "claims.settled_on_time_pct";
    public static final List<String> DEFAULT_TRENDS = List.of("claims.settled_on_time_pct",
            "complaints.resolved_on_time_pct", "sales.disclosure_compliance_pct");

    private final String code;
    private final String area;
    private final String nameEn;
    private final String nameZh;
    private final String comparisonIndicator;
    private final List<String> trendIndicators;
    private final Set<String> inspectedRecordTypes;

    ReportTopic(String code, String area, String nameEn, String nameZh, String comparisonIndicator,
                List<String> trendIndicators, Set<String> inspectedRecordTypes) {
        this.code = code;
        this.area = area;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.comparisonIndicator = comparisonIndicator;
        this.trendIndicators = trendIndicators;
        this.inspectedRecordTypes = inspectedRecordTypes;
    }

    /** Parses the {@code --topic} value, e.g. {@code claims-timeliness}. */
    public static ReportTopic fromCode(String code) {
        return Arrays.stream(values()).filter(topic -> topic.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report topic '" + code + "'; choose one of "
                        + Arrays.stream(values()).map(ReportTopic::code).collect(Collectors.joining(", "))));
    }

    public String code() {
        return code;
    }

    /** The first segment of the indicator ids that belong to this topic. */
    public String area() {
        return area;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String comparisonIndicator() {
        return comparisonIndicator;
    }

    public List<String> trendIndicators() {
        return trendIndicators;
    }

    /**
     * The record types (upload-format names) whose failed inspections raise the corrective actions this topic
     * tracks; empty for topics no inspection covers.
     */
    public Set<String> inspectedRecordTypes() {
        return inspectedRecordTypes;
    }

    public boolean covers(String indicatorId) {
        return indicatorId.startsWith(area + ".");
    }
}
