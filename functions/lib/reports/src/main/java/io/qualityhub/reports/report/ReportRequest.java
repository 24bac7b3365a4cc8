package io.qualityhub.reports.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build: a period's report for a scope, optionally a special report on one topic.
 *
 * @param samples       what the inspection samples of the period let an auditor say, already limited to the scope
 * @param recordsBehind the period's problem items of the scope (claims settled late, complaints resolved late), which
 *                      the findings name; in a company report qualified with their branch
 * @param branchNamesEn each branch's name in English by code
 * @param revisions     the periods shown (this one and the one compared with) whose figures changed after a report for
 *                      them was issued
 */
public record ReportRequest(ReportPeriod period, ReportScope scope, LocalDate asOf, Instant generatedAt,
                            int trendPeriods, Map<String, String> branchNames, Optional<SpecialSection> special,
                            List<SampleAssurance> samples, List<ProblemItem> recordsBehind,
                            Map<String, String> branchNamesEn, List<Revision> revisions) {

    public ReportRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(special, "special");
        if (trendPeriods < 2 || trendPeriods > 24) {
            throw new IllegalArgumentException("trendPeriods must be 2-24 (the period and those before it), got "
                    + trendPeriods);
        }
        branchNames = Map.copyOf(branchNames);
        samples = List.copyOf(samples);
        recordsBehind = List.copyOf(recordsBehind);
        branchNamesEn = Map.copyOf(branchNamesEn);
        revisions = List.copyOf(revisions);
    }

    public static Builder builder(ReportPeriod period, ReportScope scope, Instant generatedAt) {
        return new Builder(period, scope, generatedAt);
    }

    public static final class Builder {
        private final ReportPeriod period;
        private final ReportScope scope;
        private final Instant generatedAt;
        private LocalDate asOf;
        private int trendPeriods = 6;
        private Map<String, String> branchNames = Map.of();
        private Map<String, String> branchNamesEn = Map.of();
        private SpecialSection special;
        private List<SampleAssurance> samples = List.of();
        private List<ProblemItem> recordsBehind = List.of();
        private List<Revision> revisions = List.of();

        private Builder(ReportPeriod period, ReportScope scope, Instant generatedAt) {
            this.period = period;
            this.scope = scope;
            this.generatedAt = generatedAt;
        }

        /** The date overdue items are judged against; defaults to the period's last day. */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /** How many periods the trend chart spans, this one included; defaults to 6. */
        public Builder trendPeriods(int count) {
            this.trendPeriods = count;
            return this;
        }

        /** Each branch's names by code, shown beside the code: Traditional Chinese and English. */
        public Builder branchNames(Map<String, String> namesZh, Map<String, String> namesEn) {
            this.branchNames = namesZh;
            this.branchNamesEn = namesEn;
            return this;
        }

        public Builder topic(ReportTopic topic, List<ProblemItem> items, List<CorrectiveActionItem> actions) {
            this.special = new SpecialSection(topic, items, actions);
            return this;
        }

        /** The period's samples, with the strata (and, in a company report, the teams) the scope may show. */
        public Builder samples(List<SampleAssurance> assurances) {
            this.samples = assurances;
            return this;
        }

        /** The problem items the findings name as the records behind them. */
        public Builder recordsBehind(List<ProblemItem> items) {
            this.recordsBehind = items;
            return this;
        }

        /** The periods shown whose figures changed after a report for them was issued. */
        public Builder revisions(List<Revision> changed) {
            this.revisions = changed;
            return this;
        }

        public ReportRequest build() {
            return new ReportRequest(period, scope, asOf == null ? period.endInclusive() : asOf, generatedAt,
                    trendPeriods, branchNames, Optional.ofNullable(special), samples, recordsBehind, branchNamesEn,
                    revisions);
        }
    }
}
