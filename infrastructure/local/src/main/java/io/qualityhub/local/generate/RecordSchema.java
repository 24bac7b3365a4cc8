package io.qualityhub.local.generate;

import static io.qualityhub.local.generate.Column.Kind.AMOUNT;
import static io.qualityhub.local.generate.Column.Kind.BOOLEAN;
import static io.qualityhub.local.generate.Column.Kind.CURRENCY;
import static io.qualityhub.local.generate.Column.Kind.DATE;
import static io.qualityhub.local.generate.Column.Kind.SCORE;
import static io.qualityhub.local.generate.Column.Kind.TEXT;
import static io.qualityhub.local.generate.Column.Kind.TIMESTAMP;
import static io.qualityhub.local.generate.Column.optional;
import static io.qualityhub.local.generate.Column.optionalEnum;
import static io.qualityhub.local.generate.Column.required;
import static io.qualityhub.local.generate.Column.requiredEnum;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of each record type of upload format version 1, in the order the format page lists them
 * (which is also the order in which the intake reports the first bad column of a row).
 */
record RecordSchema(String type, List<Column> columns, String idColumn, String freeTextColumn) {

    static final String SALES = "sales";
    static final String UNDERWRITING = "underwriting";
    static final String FOLLOWUPS = "followups";
    static final String CLAIMS = "claims";
    static final String COMPLAINTS = "complaints";
    static final String SURVEYS = "surveys";
    static final String VIOLATIONS = "violations";
    static final String FINDINGS = "findings";

    private static final String[] PRODUCT_LINES = {"life", "health", "accident", "property", "auto"};

    private static final Map<String, RecordSchema> BY_TYPE = List.of(
            new RecordSchema(SALES, List.of(
                    required("record_id", TEXT), required("policy_id", TEXT), required("sold_at", TIMESTAMP),
                    required("salesperson_id", TEXT), optional("salesperson_licence_no", TEXT),
                    required("salesperson_hired_on", DATE), required("product_code", TEXT),
                    requiredEnum("product_line", PRODUCT_LINES),
                    requiredEnum("channel", "agent", "bancassurance", "telemarketing", "online", "broker"),
                    required("premium", AMOUNT), required("currency", CURRENCY), required("customer_name", TEXT),
                    required("customer_id_no", TEXT), optional("customer_phone", TEXT), required("terms_given", BOOLEAN),
                    required("risk_notice_given", BOOLEAN), required("customer_signed", BOOLEAN),
                    optional("recording_id", TEXT)),
                    "record_id", "customer_name"),
            new RecordSchema(UNDERWRITING, List.of(
                    required("record_id", TEXT), required("application_id", TEXT), optional("policy_id", TEXT),
                    required("underwriter_id", TEXT), required("product_code", TEXT),
                    requiredEnum("product_line", PRODUCT_LINES), required("received_at", TIMESTAMP),
                    optional("decided_at", TIMESTAMP),
                    requiredEnum("decision", "pending", "accept", "decline", "refer", "more_evidence"),
                    requiredEnum("risk_level", "low", "medium", "high"), required("medical_exam", BOOLEAN),
                    required("standard_exception", BOOLEAN), optional("exception_reason", TEXT),
                    optional("customer_name", TEXT), optional("customer_id_no", TEXT), optional("occupation", TEXT),
                    optional("health_notes", TEXT)),
                    "record_id", "health_notes"),
            new RecordSchema(FOLLOWUPS, List.of(
                    required("record_id", TEXT), required("policy_id", TEXT), required("visited_on", DATE),
                    required("visitor_id", TEXT),
                    requiredEnum("outcome", "understood", "not_understood", "unreachable", "issue_raised"),
                    optional("issue_notes", TEXT)),
                    "record_id", "issue_notes"),
            new RecordSchema(CLAIMS, List.of(
                    required("claim_id", TEXT), required("policy_id", TEXT), required("product_code", TEXT),
                    requiredEnum("product_line", PRODUCT_LINES), requiredEnum("complexity", "simple", "complex"),
                    required("green_channel", BOOLEAN),
                    requiredEnum("status", "reported", "documents_pending", "under_review", "investigating",
                            "approved", "paid", "closed", "rejected", "withdrawn"),
                    required("reported_at", TIMESTAMP), optional("documents_complete_at", TIMESTAMP),
                    optional("decided_at", TIMESTAMP), optional("paid_at", TIMESTAMP), optional("closed_at", TIMESTAMP),
                    required("amount_claimed", AMOUNT), optional("amount_paid", AMOUNT), required("currency", CURRENCY),
                    required("handler_id", TEXT), required("updated_at", TIMESTAMP), optional("customer_name", TEXT),
                    optional("customer_id_no", TEXT), optional("customer_phone", TEXT), optional("diagnosis", TEXT),
                    optional("documents_requested_at", TIMESTAMP), optional("agreed_at", TIMESTAMP),
                    optional("advance_paid_at", TIMESTAMP), optional("denial_notice_at", TIMESTAMP)),
                    "claim_id", "diagnosis"),
            new RecordSchema(COMPLAINTS, List.of(
                    required("complaint_id", TEXT), required("received_at", TIMESTAMP),
                    requiredEnum("channel", "phone", "email", "branch", "online", "regulator"),
                    required("category", TEXT), requiredEnum("severity", "general", "major"),
                    optionalEnum("concerns_type", "policy", "claim", "sales", "service"), optional("concerns_id", TEXT),
                    optional("staff_id", TEXT),
                    requiredEnum("status", "open", "responded", "escalated", "resolved", "closed"),
                    optional("first_response_at", TIMESTAMP), optional("resolved_at", TIMESTAMP),
                    required("updated_at", TIMESTAMP), optional("customer_name", TEXT),
                    optional("customer_phone", TEXT), optional("description", TEXT)),
                    "complaint_id", "description"),
            new RecordSchema(SURVEYS, List.of(
                    required("survey_id", TEXT), required("surveyed_on", DATE), optional("policy_id", TEXT),
                    optional("sales_score", SCORE), optional("underwriting_score", SCORE),
                    optional("claims_score", SCORE), optional("enquiry_score", SCORE), required("overall_score", SCORE),
                    optional("comment", TEXT)),
                    "survey_id", "comment"),
            new RecordSchema(VIOLATIONS, List.of(
                    required("record_id", TEXT), required("staff_id", TEXT),
                    requiredEnum("department", "sales", "underwriting", "claims", "service"),
                    required("occurred_on", DATE), required("violation_type", TEXT),
                    requiredEnum("severity", "minor", "major", "severe"),
                    requiredEnum("sanction", "warning", "fine", "suspension", "termination", "training"),
                    optional("fine_amount", AMOUNT), optional("currency", CURRENCY)),
                    "record_id", "violation_type"),
            new RecordSchema(FINDINGS, List.of(
                    required("inspection_id", TEXT), required("inspector_id", TEXT), required("inspected_on", DATE),
                    requiredEnum("result", "pass", "fail"), optionalEnum("severity", "minor", "major", "critical"),
                    optional("finding", TEXT), optional("corrective_action", TEXT), optional("action_owner", TEXT),
                    optional("action_due_on", DATE), optionalEnum("action_status", "open", "done", "verified"),
                    optional("action_closed_on", DATE)),
                    "inspection_id", "finding"))
            .stream().collect(Collectors.toUnmodifiableMap(RecordSchema::type, Function.identity()));

    /** The record types branches upload; findings come from the quality department under branch {@code QA}. */
    static final List<String> BRANCH_TYPES =
            List.of(SALES, UNDERWRITING, FOLLOWUPS, CLAIMS, COMPLAINTS, SURVEYS, VIOLATIONS);

    static final List<String> ALL_TYPES =
            List.of(SALES, UNDERWRITING, FOLLOWUPS, CLAIMS, COMPLAINTS, SURVEYS, VIOLATIONS, FINDINGS);

    RecordSchema {
        columns = List.copyOf(columns);
    }

    static RecordSchema of(String type) {
        RecordSchema schema = BY_TYPE.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("unknown record type '" + type + "'; known types: " + ALL_TYPES);
        }
        return schema;
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(type + " has no column '" + column + "'");
    }

    Column column(int index) {
        return columns.get(index);
    }

    int size() {
        return columns.size();
    }
}
