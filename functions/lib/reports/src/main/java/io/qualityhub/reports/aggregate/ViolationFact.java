package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.Department;
import io.qualityhub.core.format.Sanction;
import io.qualityhub.core.format.ViolationSeverity;
import java.util.Objects;

/** A violation by a member of staff and the sanction it drew. */
public record ViolationFact(Department department, ViolationSeverity severity, Sanction sanction) implements Fact {

    public ViolationFact {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(sanction, "sanction");
    }
}
