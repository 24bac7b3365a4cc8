package io.qualityhub.reports.report;

import java.util.List;
import java.util.Objects;

/** What a special report adds: the items behind the problem and the corrective actions with status. */
public record SpecialSection(ReportTopic topic, List<ProblemItem> items, List<CorrectiveActionItem> actions) {

    public SpecialSection {
        Objects.requireNonNull(topic, "topic");
        items = List.copyOf(items);
        actions = List.copyOf(actions);
    }
}
