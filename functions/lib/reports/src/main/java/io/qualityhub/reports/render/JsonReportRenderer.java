package io.qualityhub.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.reports.finding.Finding;
import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.report.Comparison;
import io.qualityhub.reports.report.CorrectiveActionItem;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.SampleAssurance;
import io.qualityhub.reports.report.SectionJson;
import io.qualityhub.reports.report.SnapshotReference;
import io.qualityhub.reports.report.SpecialSection;
import io.qualityhub.reports.report.TrendSeries;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The whole report as JSON (UTF-8), numbers unrounded, field order fixed. */
public final class JsonReportRenderer {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public byte[] render(QualityReport report) {
        return render(report, null);
    }

    /** The report with the snapshot it was built from ({@code snapshot}: id, digest, versions, as-of), to verify it by. */
    public byte[] render(QualityReport report, SnapshotReference snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("titleEn", report.titleEn());
        root.put("titleZh", report.titleZh());
        root.put("period", report.period().label());
        root.put("periodStart", report.period().start().toString());
        root.put("periodEnd", report.period().endInclusive().toString());
        root.put("previousPeriod", report.previousPeriod().label());
        root.put("scope", report.scope().label());
        root.put("asOf", report.asOf().toString());
        root.put("generatedAt", report.generatedAt().toString());
        if (snapshot != null) {
            snapshot(root.putObject("snapshot"), snapshot);
        }
        report.special().ifPresent(special -> root.put("topic", special.topic().code()));
        indicators(root.putArray("indicators"), report.indicators());
        ObjectNode branches = root.putObject("branches");
        new TreeMap<>(report.branchIndicators()).forEach((branch, list) -> indicators(branches.putArray(branch), list));
        trends(root.putArray("trends"), report.trends());
        comparison(root.putObject("comparison"), report.comparison());
        findings(root.putArray("findings"), report.findings());
        report.special().ifPresent(special -> special(root.putObject("special"), special, report));
        samples(root.putArray("samples"), report.samples());
        ArrayNode revised = root.putArray("revised");
        report.revisions().forEach(revision -> revised.addObject().put("period", revision.period().label())
                .put("reportedAt", revision.reportedAt().toString()).put("changedAt", revision.changedAt().toString())
                .put("sentenceEn", revision.sentenceEn()).put("sentenceZh", revision.sentenceZh()));
        ObjectNode names = root.putObject("branchNames");
        new TreeMap<>(report.branchNames()).forEach(names::put);
        ObjectNode namesEn = root.putObject("branchNamesEn");
        new TreeMap<>(report.branchNamesEn()).forEach(namesEn::put);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new ReportRenderingException("the JSON report " + report.baseName() + " could not be written", e);
        }
    }

    private static void snapshot(ObjectNode node, SnapshotReference snapshot) {
        node.put("id", snapshot.id());
        node.put("digest", snapshot.digest());
        node.put("targetsVersion", snapshot.targetsVersion());
        node.put("deadlinePolicyVersion", snapshot.deadlinePolicyVersion());
        node.put("asOf", snapshot.asOf().toString());
        node.put("generator", snapshot.generator());
    }

    private static void indicators(ArrayNode array, List<Indicator> indicators) {
        for (Indicator i : indicators) {
            ObjectNode node = array.addObject();
            node.put("id", i.id());
            node.put("nameEn", i.nameEn());
            node.put("nameZh", i.nameZh());
            number(node, "value", i.value());
            node.put("unit", lower(i.unit()));
            number(node, "target", i.target());
            node.put("status", lower(i.status()));
            number(node, "previousValue", i.previousValue());
            node.put("trend", lower(i.trend()));
            node.put("basis", i.basis());
            number(node, "numerator", i.numerator());
            number(node, "denominator", i.denominator());
            if (i.confidenceInterval() != null) {
                ObjectNode ci = node.putObject("ci95");
                number(ci, "lower", i.confidenceInterval().lower());
                number(ci, "upper", i.confidenceInterval().upper());
            }
        }
    }

    private static void trends(ArrayNode array, List<TrendSeries> trends) {
        for (TrendSeries series : trends) {
            ObjectNode node = array.addObject();
            node.put("indicatorId", series.indicatorId());
            node.put("unit", lower(series.unit()));
            ArrayNode points = node.putArray("points");
            series.points().forEach(point -> {
                ObjectNode p = points.addObject();
                p.put("period", point.periodLabel());
                number(p, "value", point.value());
            });
        }
    }

    private static void comparison(ObjectNode node, Comparison comparison) {
        node.put("indicatorId", comparison.indicatorId());
        node.put("unit", lower(comparison.unit()));
        number(node, "target", comparison.target());
        ArrayNode bars = node.putArray("bars");
        comparison.bars().forEach(bar -> {
            ObjectNode b = bars.addObject();
            b.put("label", bar.label());
            number(b, "value", bar.value());
            b.put("status", lower(bar.status()));
        });
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode node = array.addObject();
            node.put("rank", f.rank());
            node.put("kind", lower(f.kind()));
            node.put("severity", lower(f.severity()));
            node.put("score", new BigDecimal(Numbers.exact(f.score())));
            node.put("scope", f.scope().label());
            node.put("indicatorId", f.indicatorId());
            node.put("titleEn", f.titleEn());
            node.put("titleZh", f.titleZh());
            node.put("detailEn", f.detailEn());
            node.put("detailZh", f.detailZh());
            node.put("suggestedActionEn", f.suggestedActionEn());
            node.put("suggestedActionZh", f.suggestedActionZh());
            ArrayNode drivers = node.putArray("drivers");
            f.drivers().forEach(driver -> {
                ObjectNode d = drivers.addObject();
                d.put("branch", driver.branch());
                d.put("value", new BigDecimal(Numbers.exact(driver.value())));
                number(d, "numerator", driver.numerator());
                number(d, "denominator", driver.denominator());
                d.put("status", lower(driver.status()));
            });
            f.recordIds().forEach(node.putArray("recordIds")::add);
            node.put("recordCount", f.recordCount());
            f.alsoIndicatorIds().forEach(node.putArray("alsoIndicatorIds")::add);
        }
    }

    private static void special(ObjectNode node, SpecialSection special, QualityReport report) {
        node.put("topic", special.topic().code());
        ArrayNode items = node.putArray("items");
        for (ProblemItem item : special.items()) {
            ObjectNode i = items.addObject();
            i.put("id", item.itemId());
            i.put("reason", item.reason());
        }
        ArrayNode actions = node.putArray("correctiveActions");
        for (CorrectiveActionItem action : special.actions()) {
            SectionJson.action(actions, action, lower(action.status()))
                    .put("state", lower(action.state(report.asOf())));
        }
    }

    /**
     * Per sample: each stratum's upper deviation limit in words, each team's agreement with its disagreements, and the
     * month's repeat violators.
     */
    private static void samples(ArrayNode array, List<SampleAssurance> samples) {
        for (SampleAssurance sample : samples) {
            SectionJson.sample(array.addObject(), sample, (node, team) -> {
                number(node, "percentAgreement", team.percentAgreement());
                number(node, "kappa", team.kappa());
            });
        }
    }

    private static void number(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, new BigDecimal(Numbers.exact(value)));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
