package io.qualityhub.reports.aggregate;

import java.util.Objects;

/** A violation by a member of staff and the sanction it drew. */
public record ViolationFact(Department department, Severity severity, Sanction sanction) implements Fact {

    public enum Department { SALES, UNDERWRITING, CLAIMS, SERVICE }

    public enum Severity { MINOR, MAJOR, SEVERE }

    public enum Sanction { WARNING, FINE, SUSPENSION, TERMINATION, TRAINING }

    public ViolationFact {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(sanction, "sanction");
    }
}
