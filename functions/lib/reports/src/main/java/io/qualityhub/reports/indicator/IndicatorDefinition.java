package io.qualityhub.reports.indicator;

import java.util.Objects;
import java.util.function.Function;

/**
 * What an indicator is: its id, names, unit, direction, the definition printed in the report's
 * appendix, the action suggested when it falls short, and how it is measured.
 *
 * @param family the id shared by a set of indicators that differ by one dimension (for example
 *               every inspection type's pass rate); equal to the id for a single indicator
 */
public record IndicatorDefinition(String id, String family, String nameEn, String nameZh, Unit unit,
                                  Direction direction, String definitionEn, String definitionZh,
                                  String suggestedActionEn, String suggestedActionZh,
                                  Function<MeasureContext, Measurement> measure) {

    public IndicatorDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(measure, "measure");
        if (!id.equals(family) && !id.startsWith(family + ".")) {
            throw new IllegalArgumentException("indicator " + id + " does not belong to family " + family);
        }
    }

    /** The report area: the first segment of the id, e.g. {@code claims}. */
    public String area() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }
}
