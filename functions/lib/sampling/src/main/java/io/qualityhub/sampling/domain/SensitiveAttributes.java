package io.qualityhub.sampling.domain;

import java.util.Set;

/**
 * Column names the upload format marks sensitive (S), plus the findings' free text. Sampling must never read
 * them: risk rules may not name them and sampling units may not carry them.
 */
final class SensitiveAttributes {

    private static final Set<String> NAMES = Set.of(
            "customer_name", "customer_id_no", "customer_phone", "occupation", "health_notes", "issue_notes",
            "diagnosis", "description", "comment", "finding", "corrective_action");

    private SensitiveAttributes() {
    }

    static boolean isSensitive(String attributeName) {
        return NAMES.contains(attributeName);
    }
}
