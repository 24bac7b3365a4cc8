package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a risk rule applies to a record. Conditions read only the record's attributes (and, for prior incidents,
 * the staff list); a condition whose attributes are absent does not apply, because absence is no evidence of risk.
 * Plan file spelling is given on each kind.
 */
public sealed interface RiskCondition {

    /** {@code {"anyEquals": {"attributes": [...], "values": [...]}}}: one of the attributes holds one of the values. */
    record AnyEquals(List<String> attributes, Set<String> values) implements RiskCondition {
        public AnyEquals {
            attributes = List.copyOf(attributes);
            values = Set.copyOf(values);
        }
    }

    /**
     * {@code {"tenureBelowMonths": {"startedOn": "salesperson_hired_on", "at": "sold_at", "months": 6}}}: the
     * date in {@code at} is less than {@code months} calendar months after the date in {@code startedOn}.
     */
    record TenureBelowMonths(String startedOnAttribute, String atAttribute, int months) implements RiskCondition {
        public TenureBelowMonths {
            Objects.requireNonNull(startedOnAttribute, "startedOnAttribute");
            Objects.requireNonNull(atAttribute, "atAttribute");
        }
    }

    /**
     * {@code {"daysBetweenAbove": {"from": "documents_complete_at", "to": "paid_at", "days": 15}}}: both dates are
     * present and more than {@code days} calendar days apart.
     */
    record DaysBetweenAbove(String fromAttribute, String toAttribute, int days) implements RiskCondition {
        public DaysBetweenAbove {
            Objects.requireNonNull(fromAttribute, "fromAttribute");
            Objects.requireNonNull(toAttribute, "toAttribute");
        }
    }

    /**
     * {@code {"aboveStratumPercentile": {"attribute": "premium", "percentile": 95}}}: the amount is strictly above
     * the nearest-rank percentile of that attribute among the records of the same stratum that have it.
     */
    record AboveStratumPercentile(String attribute, double percentile) implements RiskCondition {
        public AboveStratumPercentile {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /**
     * {@code {"staffWithPriorIncidents": {"attributes": ["salesperson_id"]}}}: a named staff member has prior
     * incidents.
     */
    record StaffWithPriorIncidents(List<String> attributes) implements RiskCondition {
        public StaffWithPriorIncidents {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * {@code {"repeatViolator": {"attributes": ["salesperson_id"]}}}: a named staff member is a repeat violator
     * ({@link RepeatViolators}) as the period begins; the rule's weight is the plan's factor for their records.
     */
    record RepeatViolator(List<String> attributes) implements RiskCondition {
        public RepeatViolator {
            attributes = List.copyOf(attributes);
        }
    }

    /** {@code {"allOf": [condition, ...]}} */
    record AllOf(List<RiskCondition> conditions) implements RiskCondition {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code {"anyOf": [condition, ...]}} */
    record AnyOf(List<RiskCondition> conditions) implements RiskCondition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }
}
