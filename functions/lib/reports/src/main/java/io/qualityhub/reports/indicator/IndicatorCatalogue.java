package io.qualityhub.reports.indicator;

import io.qualityhub.core.format.ViolationSeverity;
import io.qualityhub.core.format.Department;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.Counter;
import io.qualityhub.reports.aggregate.DurationHistogram;
import io.qualityhub.reports.aggregate.Gauge;
import io.qualityhub.reports.aggregate.GaugeReading;
import io.qualityhub.reports.aggregate.InspectionType;
import io.qualityhub.reports.aggregate.SurveyFact;
import io.qualityhub.reports.aggregate.ViolationFact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.qualityhub.reports.indicator.Direction.HIGHER_IS_BETTER;
import static io.qualityhub.reports.indicator.Direction.LOWER_IS_BETTER;

/** Every indicator the reports carry, in report order. */
public final class IndicatorCatalogue {

    private static final Map<String, IndicatorDefinition> BY_ID = build();

    private IndicatorCatalogue() {
    }

    public static List<IndicatorDefinition> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<IndicatorDefinition> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static IndicatorDefinition require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no indicator with id '" + id + "'"));
    }

    /** Every id and family id that a target may name. */
    public static List<String> targetableIds() {
        List<String> ids = new ArrayList<>();
        for (IndicatorDefinition definition : BY_ID.values()) {
            if (!ids.contains(definition.family())) {
                ids.add(definition.family());
            }
            if (!ids.contains(definition.id())) {
                ids.add(definition.id());
            }
        }
        return Collections.unmodifiableList(ids);
    }

    private static Map<String, IndicatorDefinition> build() {
        List<IndicatorDefinition> list = new ArrayList<>();
        addClaims(list);
        addComplaints(list);
        addSales(list);
        addUnderwritingAndFollowups(list);
        addInspections(list);
        addCorrectiveActions(list);
        addEffectivenessChecks(list);
        addSatisfaction(list);
        addViolations(list);
        addUploads(list);
        Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();
        list.forEach(definition -> {
            if (byId.put(definition.id(), definition) != null) {
                throw new IllegalStateException("indicator id defined twice: " + definition.id());
            }
        });
        return Collections.unmodifiableMap(byId);
    }

    private static void addClaims(List<IndicatorDefinition> list) {
        list.add(single("claims.settled_on_time_pct", "Claims settled within deadline", "理賠時效內結案率",
                Unit.PERCENT, HIGHER_IS_BETTER,
                "Claims closed or rejected in the period whose settlement met the deadline for their product, "
                        + "complexity and channel, as a share of all claims settled in the period.",
                "期間內結案(含拒賠)之理賠案件中,於所屬商品、案件複雜度及通道之時限內結案者所占比率。",
                "Review late claims with the handlers; chase missing documents earlier; rebalance caseloads.",
                "與理賠人員逐案檢討逾時案件,提前催補文件,並調整案件分配。",
                c -> Measurement.percent(c.tallies().count(Counter.CLAIMS_SETTLED_ON_TIME),
                        c.tallies().count(Counter.CLAIMS_SETTLED))));
        for (Complexity complexity : Complexity.values()) {
            String code = complexity.wireName();
            String en = complexity.wireName();
            String zh = complexity == Complexity.SIMPLE ? "簡單案件" : "複雜案件";
            list.add(new IndicatorDefinition("claims.cycle_time_median_days." + code, "claims.cycle_time_median_days",
                    "Median claim cycle time, " + en, "理賠處理天數中位數(" + zh + ")", Unit.DAYS, LOWER_IS_BETTER,
                    "Median time from report to closure of " + en + " claims settled in the period, read from "
                            + "hour-bucketed histograms (exact to 1 h under 2 days, 6 h under 7 days, 1 day under 90 days).",
                    "期間內結案之" + zh + "自報案至結案所需時間之中位數,以小時分組直方圖計算(2天內精確至1小時,7天內6小時,90天內1天)。",
                    "Find the step where " + en + " claims wait longest (documents, investigation, approval) and fix it.",
                    "找出" + zh + "等待最久之環節(補件、調查、核准)並予改善。",
                    c -> cycleTime(c.tallies().cycleTimes(complexity), 50)));
            list.add(new IndicatorDefinition("claims.cycle_time_p90_days." + code, "claims.cycle_time_p90_days",
                    "90th percentile claim cycle time, " + en, "理賠處理天數第90百分位數(" + zh + ")", Unit.DAYS,
                    LOWER_IS_BETTER,
                    "Time within which 90% of the " + en + " claims settled in the period were closed, from the same "
                            + "histograms as the median.",
                    "期間內結案之" + zh + "中,90%案件於此天數內結案;計算方式同中位數。",
                    "Review the slowest tenth of " + en + " claims case by case and set an escalation point.",
                    "逐案檢討處理最慢之一成" + zh + ",並訂定升級處理時點。",
                    c -> cycleTime(c.tallies().cycleTimes(complexity), 90)));
        }
        list.add(single("claims.green_channel_on_time_pct", "Green-channel claims settled within deadline",
                "綠色通道理賠時效達成率", Unit.PERCENT, HIGHER_IS_BETTER,
                "Green-channel claims (major cases, special customers) settled within their tighter deadline, as a "
                        + "share of green-channel claims settled in the period.",
                "綠色通道案件(重大賠案、特殊客戶)於較短時限內結案之比率。",
                "Give green-channel claims a named handler and a daily check until paid.",
                "綠色通道案件指定專人處理,並每日追蹤至給付完成。",
                c -> Measurement.percent(c.tallies().count(Counter.CLAIMS_GREEN_SETTLED_ON_TIME),
                        c.tallies().count(Counter.CLAIMS_GREEN_SETTLED))));
        list.add(single("claims.overdue_open", "Open claims past deadline", "逾期未結理賠案件數", Unit.COUNT,
                LOWER_IS_BETTER,
                "Claims still open and past their settlement deadline, from the monitor's latest daily snapshot "
                        + "in the period.",
                "依期間內最近一次監控快照,仍未結案且已逾時限之理賠案件數。",
                "Work the overdue list with the branch manager weekly until it is empty.",
                "分公司主管每週檢視逾期清單,直至清零。",
                c -> gauge(c.tallies(), Gauge.OVERDUE_OPEN_CLAIMS)));
    }

    private static void addComplaints(List<IndicatorDefinition> list) {
        list.add(single("complaints.per_10k_policies", "Complaints per 10,000 policies in force", "每萬件有效保單投訴數",
                Unit.PER_10K_POLICIES, LOWER_IS_BETTER,
                "Complaints received in the period per 10,000 policies in force, as the branches' portfolio uploads "
                        + "give them for the latest month of the period; no data without a portfolio upload.",
                "期間內受理之投訴件數,除以期間內最近一個月之有效保單件數(依分公司上傳之 portfolio 資料),乘以一萬;未上傳者不計算。",
                "Analyse complaint categories for a common root cause and brief the teams concerned.",
                "分析投訴類別找出共同根因,並向相關團隊說明改善。",
                c -> {
                    GaugeReading inForce = c.tallies().gauge(Gauge.POLICIES_IN_FORCE);
                    return Measurement.per10k(c.tallies().count(Counter.COMPLAINTS_RECEIVED),
                            inForce == null ? null : inForce.value());
                }));
        list.add(single("complaints.first_response_on_time_pct", "Complaints with on-time first response",
                "投訴首次回應準時率", Unit.PERCENT, HIGHER_IS_BETTER,
                "Complaints resolved in the period whose first response met the deadline for their severity.",
                "期間內結案之投訴中,首次回應符合其嚴重程度時限者所占比率。",
                "Acknowledge every complaint on the day it arrives; staff the queue at peak hours.",
                "投訴當日即予回應確認,並於尖峰時段加派人力。",
                c -> Measurement.percent(c.tallies().count(Counter.COMPLAINTS_FIRST_RESPONSE_ON_TIME),
                        c.tallies().count(Counter.COMPLAINTS_RESOLVED))));
        list.add(single("complaints.resolved_on_time_pct", "Complaints resolved on time", "投訴準時解決率",
                Unit.PERCENT, HIGHER_IS_BETTER,
                "Complaints resolved in the period within the resolution deadline for their severity.",
                "期間內結案之投訴中,於其嚴重程度之解決時限內完成者所占比率。",
                "Escalate complaints halfway to their deadline; report major ones to management at once.",
                "投訴處理至時限一半即升級處理;重大投訴立即呈報公司主管。",
                c -> Measurement.percent(c.tallies().count(Counter.COMPLAINTS_RESOLVED_ON_TIME),
                        c.tallies().count(Counter.COMPLAINTS_RESOLVED))));
        list.add(single("complaints.major_count", "Major complaints", "重大投訴件數", Unit.COUNT, LOWER_IS_BETTER,
                "Complaints of major severity received in the period.",
                "期間內受理之重大投訴件數。",
                "Set up a task group for each major complaint and report its root cause.",
                "每件重大投訴成立專案小組處理,並提出根因分析。",
                c -> Measurement.count(c.tallies().count(Counter.COMPLAINTS_MAJOR))));
    }

    private static void addSales(List<IndicatorDefinition> list) {
        list.add(single("sales.disclosure_compliance_pct", "Sales disclosure compliance", "銷售告知義務合規率",
                Unit.PERCENT, HIGHER_IS_BETTER,
                "Policies sold in the period where the terms were given, the risk notice was given and the customer "
                        + "read and signed.",
                "期間內銷售之保單中,已提供條款、已告知風險且客戶已閱讀並簽署者所占比率。",
                "Retrain the salespeople concerned on disclosure steps; check signed forms before issue.",
                "對相關銷售人員加強告知義務訓練,並於出單前檢核簽署文件。",
                c -> Measurement.percent(c.tallies().count(Counter.SALES_DISCLOSURE_COMPLETE),
                        c.tallies().count(Counter.SALES_TOTAL))));
        list.add(single("sales.recording_present_pct", "Sales recordings present where required",
                "應錄音錄影銷售之錄音留存率", Unit.PERCENT, HIGHER_IS_BETTER,
                "Sales that require a recording (telemarketing, bancassurance, life and health products) that have one.",
                "依規定須錄音錄影之銷售(電話行銷、銀行保險、壽險及健康險)中,留存錄音錄影者所占比率。",
                "Block issue of policies without the required recording; check the recording system.",
                "未留存應有錄音錄影之保單不予出單,並檢查錄音系統。",
                c -> Measurement.percent(c.tallies().count(Counter.SALES_RECORDING_PRESENT),
                        c.tallies().count(Counter.SALES_RECORDING_REQUIRED))));
    }

    private static void addUnderwritingAndFollowups(List<IndicatorDefinition> list) {
        list.add(single("underwriting.exception_pct", "Underwriting exceptions", "核保例外比率", Unit.PERCENT,
                LOWER_IS_BETTER,
                "Underwriting records in the period marked as an exception to the underwriting standard.",
                "期間內核保紀錄中,偏離核保標準之例外案件所占比率。",
                "Review exceptions with the chief underwriter; tighten authority limits where they cluster.",
                "與核保主管檢視例外案件,並於集中之處收緊授權額度。",
                c -> Measurement.percent(c.tallies().count(Counter.UNDERWRITING_EXCEPTIONS),
                        c.tallies().count(Counter.UNDERWRITING_TOTAL))));
        list.add(single("followups.completed_pct", "Follow-up visits completed", "回訪完成率", Unit.PERCENT,
                HIGHER_IS_BETTER,
                "Post-issue follow-up visits in the period where the customer was reached.",
                "期間內承保後回訪中,成功聯繫客戶者所占比率。",
                "Retry unreachable customers at other times and through other channels.",
                "對未能聯繫之客戶改以其他時段及管道再次回訪。",
                c -> Measurement.percent(c.tallies().count(Counter.FOLLOWUPS_COMPLETED),
                        c.tallies().count(Counter.FOLLOWUPS_TOTAL))));
        list.add(single("followups.understood_pct", "Customers who understood their contract", "回訪客戶理解合約比率",
                Unit.PERCENT, HIGHER_IS_BETTER,
                "Completed follow-up visits where the customer understood the contract.",
                "已完成之回訪中,客戶表示理解保險合約者所占比率。",
                "Review the sales of customers who did not understand; explain the contract again.",
                "檢視未理解合約客戶之銷售過程,並再次向客戶說明合約內容。",
                c -> Measurement.percent(c.tallies().count(Counter.FOLLOWUPS_UNDERSTOOD),
                        c.tallies().count(Counter.FOLLOWUPS_COMPLETED))));
    }

    private static void addInspections(List<IndicatorDefinition> list) {
        for (InspectionType type : InspectionType.values()) {
            list.add(new IndicatorDefinition("inspections.coverage_pct." + type.code(), "inspections.coverage_pct",
                    "Inspection coverage, " + type.nameEn().toLowerCase(Locale.ROOT), "抽檢覆蓋率(" + type.nameZh() + ")",
                    Unit.PERCENT, HIGHER_IS_BETTER,
                    "Inspection tasks of this type due in the period by the as-of date that have a result, as a "
                            + "share of those tasks; tasks not yet due do not count.",
                    "期間內至報告基準日已到期之此類抽檢任務中,已有結果者所占比率;尚未到期之任務不計入。",
                    "Clear the inspectors' backlog of due tasks; move inspectors to the branch with the most open.",
                    "消化已到期之待檢任務,並調派檢查人員支援待檢最多之分公司。",
                    c -> Measurement.percent(dueBy(c, Counter.INSPECTION_TASKS_DONE, type),
                            dueBy(c, Counter.INSPECTION_TASKS_DUE, type))));
            list.add(new IndicatorDefinition("inspections.pass_rate_pct." + type.code(), "inspections.pass_rate_pct",
                    "Inspection pass rate, " + type.nameEn().toLowerCase(Locale.ROOT), "抽檢合格率(" + type.nameZh() + ")",
                    Unit.PERCENT, HIGHER_IS_BETTER,
                    "Inspections of this type completed in the period that passed, with a 95% Wilson interval.",
                    "期間內完成之此類抽檢中合格者所占比率,附95% Wilson信賴區間。",
                    "Share the failures' findings with the teams concerned and check the corrective actions.",
                    "將不合格之發現回饋相關團隊,並追蹤整改措施。",
                    c -> Measurement.proportionWithInterval(c.tallies().count(Counter.INSPECTIONS_PASSED, type.code()),
                            c.tallies().count(Counter.INSPECTIONS, type.code()))));
        }
    }

    private static void addCorrectiveActions(List<IndicatorDefinition> list) {
        list.add(single("actions.open", "Corrective actions open", "未結整改措施數", Unit.COUNT, LOWER_IS_BETTER,
                "Corrective actions raised by the period's inspections that are still open.",
                "期間內抽檢所提出之整改措施中,尚未完成者之件數。",
                "Ask each action owner for a completion date and follow up weekly.",
                "請各整改負責人提出完成日期,並每週追蹤。",
                c -> Measurement.count(c.tallies().sum(Counter.ACTIONS_OPEN_BY_DUE_DATE, due -> true))));
        list.add(single("actions.overdue", "Corrective actions overdue", "逾期整改措施數", Unit.COUNT, LOWER_IS_BETTER,
                "Open corrective actions raised by the period's inspections whose due date has passed.",
                "期間內抽檢所提出之整改措施中,已逾完成期限仍未完成者之件數。",
                "Escalate overdue actions to the branch manager and head office.",
                "逾期整改措施升級呈報分公司主管及總公司。",
                c -> Measurement.count(c.tallies().sum(Counter.ACTIONS_OPEN_BY_DUE_DATE,
                        due -> LocalDate.parse(due).isBefore(c.asOf())))));
        list.add(single("actions.closed_on_time_pct", "Corrective actions closed on time", "整改措施準時完成率",
                Unit.PERCENT, HIGHER_IS_BETTER,
                "Corrective actions raised by the period's inspections and verified by a passed effectiveness check,"
                        + " that their owners had done by their due date.",
                "期間內抽檢所提出且經有效性複查通過而結案之整改措施中,負責人於期限內完成者所占比率。",
                "Agree realistic due dates and check progress halfway.",
                "訂定合理完成期限,並於期中檢查進度。",
                c -> Measurement.percent(c.tallies().count(Counter.ACTIONS_CLOSED_ON_TIME),
                        c.tallies().count(Counter.ACTIONS_CLOSED))));
    }

    /**
     * Done is the owner's word, verified the effectiveness check's: actions done and awaiting their check count apart
     * from open and verified ones, and the checks' pass rate says how often a correction held.
     */
    private static void addEffectivenessChecks(List<IndicatorDefinition> list) {
        list.add(single("actions.awaiting_check", "Corrective actions done, awaiting their effectiveness check",
                "已完成待有效性複查之整改措施數", Unit.COUNT, LOWER_IS_BETTER,
                "Corrective actions raised by the period's inspections that their owners report done and whose"
                        + " effectiveness check has no result yet; they are not closed.",
                "期間內抽檢所提出之整改措施中,負責人回報已完成、惟有效性複查尚無結果者之件數;此類措施尚未結案。",
                "Have the effectiveness checks made by their due dates.",
                "請於期限內完成有效性複查。",
                c -> Measurement.count(c.tallies().count(Counter.ACTIONS_AWAITING_CHECK))));
        list.add(single("actions.check_overdue", "Effectiveness checks overdue", "逾期有效性複查數", Unit.COUNT,
                LOWER_IS_BETTER,
                "Done corrective actions raised by the period's inspections whose effectiveness check is past its"
                        + " due date without a result.",
                "期間內抽檢所提出之已完成整改措施中,有效性複查已逾期限仍無結果者之件數。",
                "Assign an inspector to each overdue check at once; the monitor alerts the quality head.",
                "立即指派檢查人員辦理逾期之複查;監控功能已通知品質主管。",
                c -> Measurement.count(c.tallies().sum(Counter.ACTIONS_CHECK_PENDING_BY_DUE_DATE,
                        due -> LocalDate.parse(due).isBefore(c.asOf())))));
        list.add(single("actions.verified", "Corrective actions verified", "經複查確認有效之整改措施數", Unit.COUNT,
                HIGHER_IS_BETTER,
                "Corrective actions raised by the period's inspections whose effectiveness check passed.",
                "期間內抽檢所提出之整改措施中,有效性複查通過者之件數。",
                "Share what made these corrections hold with the other branches.",
                "將有效整改之作法推廣至其他分公司。",
                c -> Measurement.count(c.tallies().count(Counter.ACTIONS_CLOSED))));
        list.add(single("actions.effective_pct", "Effectiveness checks passed", "有效性複查通過率", Unit.PERCENT,
                HIGHER_IS_BETTER,
                "Effectiveness checks with a result, of the corrective actions raised by the period's inspections,"
                        + " that passed; each failed check reopened its action and counts once.",
                "期間內抽檢所提出之整改措施,其已有結果之有效性複查中,通過者所占比率;每次未通過之複查均使措施重新開啟,各計一次。",
                "Review the corrections whose checks failed with their owners before they are done again.",
                "與負責人檢討複查未通過之整改措施,再行完成。",
                c -> Measurement.percent(c.tallies().count(Counter.ACTIONS_CHECKS_PASSED),
                        c.tallies().count(Counter.ACTIONS_CHECKS_PASSED)
                                + c.tallies().count(Counter.ACTIONS_CHECKS_FAILED))));
    }

    private static void addSatisfaction(List<IndicatorDefinition> list) {
        for (SurveyFact.Dimension dimension : SurveyFact.Dimension.values()) {
            String code = dimension.name().toLowerCase(Locale.ROOT);
            list.add(new IndicatorDefinition("satisfaction.mean." + code, "satisfaction.mean",
                    "Satisfaction, " + surveyEn(dimension), "客戶滿意度(" + surveyZh(dimension) + ")", Unit.SCORE,
                    HIGHER_IS_BETTER,
                    "Mean score (1-5) for " + surveyEn(dimension) + " in the surveys of the period.",
                    "期間內滿意度調查中" + surveyZh(dimension) + "之平均分數(1至5分)。",
                    "Read the low-scoring surveys' categories and act on the most frequent one.",
                    "檢視低分問卷之類別,針對最常見問題採取改善措施。",
                    c -> Measurement.mean(c.tallies().count(Counter.SURVEY_SCORE_SUM, code),
                            c.tallies().count(Counter.SURVEY_RESPONSES, code))));
        }
    }

    private static void addViolations(List<IndicatorDefinition> list) {
        for (Department department : Department.values()) {
            for (ViolationSeverity severity : ViolationSeverity.values()) {
                String dimension = AggregateAccumulator.violationDimension(department, severity);
                list.add(new IndicatorDefinition("violations.count." + dimension, "violations.count",
                        "Violations, " + departmentEn(department) + ", " + severity.wireName(),
                        "違規件數(" + departmentZh(department) + "・" + severityZh(severity) + ")", Unit.COUNT,
                        LOWER_IS_BETTER,
                        "Violations by " + departmentEn(department) + " staff of " + severity.wireName()
                                + " severity recorded in the period.",
                        "期間內記錄之" + departmentZh(department) + "人員" + severityZh(severity) + "違規件數。",
                        "Hold targeted training for the department and supervise repeat offenders closely.",
                        "對該部門辦理專項訓練,並對重複違規人員加強監督。",
                        c -> Measurement.count(c.tallies().count(Counter.VIOLATIONS, dimension))));
            }
        }
    }

    private static void addUploads(List<IndicatorDefinition> list) {
        list.add(single("uploads.on_time_pct", "Branch files on time", "分公司資料準時上傳率", Unit.PERCENT, HIGHER_IS_BETTER,
                "Branch files the upload calendar expected for the period's business dates that were taken by their "
                        + "cutoff (12:00 on the next business day unless configured), as a share of those expected.",
                "期間內各營業日依上傳行事曆應上傳之分公司檔案中,於截止時點(預設次一營業日12:00)前完成上傳者所占比率。",
                "Ask branch IT why files came late or not at all, and fix the export or its schedule.",
                "請分公司資訊人員說明遲交或漏交原因,並修正匯出程式或排程。",
                c -> Measurement.percent(c.tallies().count(Counter.UPLOADS_ON_TIME),
                        c.tallies().count(Counter.UPLOADS_EXPECTED))));
    }

    private static IndicatorDefinition single(String id, String nameEn, String nameZh, Unit unit, Direction direction,
                                              String definitionEn, String definitionZh, String actionEn,
                                              String actionZh,
                                              Function<MeasureContext, Measurement> measure) {
        return new IndicatorDefinition(id, id, nameEn, nameZh, unit, direction, definitionEn, definitionZh, actionEn,
                actionZh, measure);
    }

    private static Measurement cycleTime(DurationHistogram histogram, int percentile) {
        Long hours = histogram.percentileHours(percentile);
        return Measurement.percentile(hours == null ? null : hours / 24.0, histogram.count());
    }

    private static Measurement gauge(BranchTallies tallies, Gauge gauge) {
        GaugeReading reading = tallies.gauge(gauge);
        return reading == null ? Measurement.none() : Measurement.count(reading.value());
    }

    /** Tasks of the type due on or before the as-of date. */
    private static long dueBy(MeasureContext c, Counter counter, InspectionType type) {
        String prefix = type.code() + "@";
        return c.tallies().sum(counter, dimension -> dimension.startsWith(prefix)
                && !LocalDate.parse(dimension.substring(prefix.length())).isAfter(c.asOf()));
    }

    private static String surveyEn(SurveyFact.Dimension dimension) {
        return switch (dimension) {
            case SALES -> "sales service";
            case UNDERWRITING -> "underwriting service";
            case CLAIMS -> "claims service";
            case ENQUIRY -> "enquiry service";
            case OVERALL -> "overall";
        };
    }

    private static String surveyZh(SurveyFact.Dimension dimension) {
        return switch (dimension) {
            case SALES -> "銷售服務";
            case UNDERWRITING -> "承保服務";
            case CLAIMS -> "理賠服務";
            case ENQUIRY -> "諮詢服務";
            case OVERALL -> "整體";
        };
    }

    private static String departmentEn(Department department) {
        return switch (department) {
            case SALES -> "sales";
            case UNDERWRITING -> "underwriting";
            case CLAIMS -> "claims";
            case SERVICE -> "customer service";
        };
    }

    private static String departmentZh(Department department) {
        return switch (department) {
            case SALES -> "銷售";
            case UNDERWRITING -> "核保";
            case CLAIMS -> "理賠";
            case SERVICE -> "客服";
        };
    }

    private static String severityZh(ViolationSeverity severity) {
        return switch (severity) {
            case MINOR -> "輕微";
            case MAJOR -> "重大";
            case SEVERE -> "嚴重";
        };
    }
}
