package io.qualityhub.core.format;

import static io.qualityhub.core.format.Column.optional;
import static io.qualityhub.core.format.Column.optionalEnum;
import static io.qualityhub.core.format.Column.required;
import static io.qualityhub.core.format.Column.requiredEnum;
import static io.qualityhub.core.format.Column.sensitive;
import static io.qualityhub.core.format.ColumnType.AMOUNT;
import static io.qualityhub.core.format.ColumnType.BOOLEAN;
import static io.qualityhub.core.format.ColumnType.COUNT;
import static io.qualityhub.core.format.ColumnType.CURRENCY;
import static io.qualityhub.core.format.ColumnType.DATE;
import static io.qualityhub.core.format.ColumnType.IDENTIFIER;
import static io.qualityhub.core.format.ColumnType.MONTH;
import static io.qualityhub.core.format.ColumnType.SCORE;
import static io.qualityhub.core.format.ColumnType.TEXT;
import static io.qualityhub.core.format.ColumnType.TIMESTAMP;

import io.qualityhub.core.format.CrossFieldRule.ForbiddenUnless;
import io.qualityhub.core.format.CrossFieldRule.NotBefore;
import io.qualityhub.core.format.CrossFieldRule.RequiredWhen;
import io.qualityhub.core.format.CrossFieldRule.RequiredWith;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The record types of upload format version 1 (shared/mission/UPLOAD-FORMAT.md), column for
 * column and rule for rule. Column order is the order the format page lists them, which is also
 * the order a row's problems are looked for.
 */
public enum RecordType {
  SALES("sales", "record_id", null, List.of(
      required("record_id", IDENTIFIER),
      required("policy_id", IDENTIFIER),
      required("sold_at", TIMESTAMP),
      required("salesperson_id", IDENTIFIER),
      optional("salesperson_licence_no", IDENTIFIER),
      required("salesperson_hired_on", DATE),
      required("product_code", IDENTIFIER),
      requiredEnum("product_line", ProductLine.class),
      requiredEnum("channel", SalesChannel.class),
      required("premium", AMOUNT),
      required("currency", CURRENCY),
      sensitive("customer_name", true),
      sensitive("customer_id_no", true),
      sensitive("customer_phone", false),
      required("terms_given", BOOLEAN),
      required("risk_notice_given", BOOLEAN),
      required("customer_signed", BOOLEAN),
      optional("recording_id", IDENTIFIER)),
      List.of(
          new RequiredWhen("recording_id", "channel", anyOf(SaleRecording.CHANNELS)),
          new RequiredWhen("recording_id", "product_line", anyOf(SaleRecording.PRODUCT_LINES)),
          new NotBefore("sold_at", "salesperson_hired_on"))),

  UNDERWRITING("underwriting", "record_id", null, List.of(
      required("record_id", IDENTIFIER),
      required("application_id", IDENTIFIER),
      optional("policy_id", IDENTIFIER),
      required("underwriter_id", IDENTIFIER),
      required("product_code", IDENTIFIER),
      requiredEnum("product_line", ProductLine.class),
      required("received_at", TIMESTAMP),
      optional("decided_at", TIMESTAMP),
      requiredEnum("decision", UnderwritingDecision.class),
      requiredEnum("risk_level", RiskLevel.class),
      required("medical_exam", BOOLEAN),
      required("standard_exception", BOOLEAN),
      optional("exception_reason", TEXT),
      sensitive("customer_name", false),
      sensitive("customer_id_no", false),
      sensitive("occupation", false),
      sensitive("health_notes", false)),
      List.of(new NotBefore("decided_at", "received_at"))),

  FOLLOWUPS("followups", "record_id", null, List.of(
      required("record_id", IDENTIFIER),
      required("policy_id", IDENTIFIER),
      required("visited_on", DATE),
      required("visitor_id", IDENTIFIER),
      requiredEnum("outcome", FollowupOutcome.class),
      sensitive("issue_notes", false)),
      List.of()),

  CLAIMS("claims", "claim_id", "updated_at", List.of(
      required("claim_id", IDENTIFIER),
      required("policy_id", IDENTIFIER),
      required("product_code", IDENTIFIER),
      requiredEnum("product_line", ProductLine.class),
      requiredEnum("complexity", Complexity.class),
      required("green_channel", BOOLEAN),
      requiredEnum("status", ClaimStatus.class),
      required("reported_at", TIMESTAMP),
      optional("documents_complete_at", TIMESTAMP),
      optional("decided_at", TIMESTAMP),
      optional("paid_at", TIMESTAMP),
      optional("closed_at", TIMESTAMP),
      required("amount_claimed", AMOUNT),
      optional("amount_paid", AMOUNT),
      required("currency", CURRENCY),
      required("handler_id", IDENTIFIER),
      required("updated_at", TIMESTAMP),
      sensitive("customer_name", false),
      sensitive("customer_id_no", false),
      sensitive("customer_phone", false),
      sensitive("diagnosis", false),
      // Statutory clocks (docs/deadlines.md); optional, after the existing columns, so every earlier file stays valid.
      optional("documents_requested_at", TIMESTAMP),
      optional("agreed_at", TIMESTAMP),
      optional("advance_paid_at", TIMESTAMP),
      optional("denial_notice_at", TIMESTAMP)),
      List.of(
          new RequiredWhen("closed_at", "status", anyOf(ClaimStatus.CLOSED, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN)),
          new RequiredWhen("amount_paid", "status", anyOf(ClaimStatus.PAID)),
          new ForbiddenUnless("closed_at", "status", anyOf(ClaimStatus.CLOSED, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN)),
          new ForbiddenUnless("amount_paid", "status", anyOf(ClaimStatus.PAID, ClaimStatus.CLOSED)),
          new NotBefore("documents_complete_at", "reported_at"),
          new NotBefore("decided_at", "reported_at"),
          new NotBefore("paid_at", "reported_at"),
          new NotBefore("closed_at", "reported_at"),
          new NotBefore("documents_requested_at", "reported_at"),
          new NotBefore("agreed_at", "reported_at"),
          new NotBefore("advance_paid_at", "reported_at"),
          new NotBefore("denial_notice_at", "reported_at"))),

  COMPLAINTS("complaints", "complaint_id", "updated_at", List.of(
      required("complaint_id", IDENTIFIER),
      required("received_at", TIMESTAMP),
      requiredEnum("channel", ComplaintChannel.class),
      required("category", TEXT),
      requiredEnum("severity", ComplaintSeverity.class),
      optionalEnum("concerns_type", ConcernsType.class),
      optional("concerns_id", IDENTIFIER),
      optional("staff_id", IDENTIFIER),
      requiredEnum("status", ComplaintStatus.class),
      optional("first_response_at", TIMESTAMP),
      optional("resolved_at", TIMESTAMP),
      required("updated_at", TIMESTAMP),
      sensitive("customer_name", false),
      sensitive("customer_phone", false),
      sensitive("description", false),
      // The complaint handling period extended (docs/deadlines.md); optional, after the existing columns.
      optional("extended_at", TIMESTAMP),
      optional("extension_reason", TEXT)),
      List.of(
          new RequiredWith("extension_reason", "extended_at"),
          new NotBefore("first_response_at", "received_at"),
          new NotBefore("resolved_at", "received_at"),
          new NotBefore("extended_at", "received_at"))),

  SURVEYS("surveys", "survey_id", null, List.of(
      required("survey_id", IDENTIFIER),
      required("surveyed_on", DATE),
      optional("policy_id", IDENTIFIER),
      optional("sales_score", SCORE),
      optional("underwriting_score", SCORE),
      optional("claims_score", SCORE),
      optional("enquiry_score", SCORE),
      required("overall_score", SCORE),
      sensitive("comment", false)),
      List.of()),

  VIOLATIONS("violations", "record_id", null, List.of(
      required("record_id", IDENTIFIER),
      required("staff_id", IDENTIFIER),
      requiredEnum("department", Department.class),
      required("occurred_on", DATE),
      required("violation_type", TEXT),
      requiredEnum("severity", ViolationSeverity.class),
      requiredEnum("sanction", Sanction.class),
      optional("fine_amount", AMOUNT),
      optional("currency", CURRENCY)),
      List.of(
          new RequiredWhen("fine_amount", "sanction", anyOf(Sanction.FINE)),
          new RequiredWhen("currency", "sanction", anyOf(Sanction.FINE)))),

  FINDINGS("findings", "inspection_id", null, List.of(
      required("inspection_id", IDENTIFIER),
      required("inspector_id", IDENTIFIER),
      required("inspected_on", DATE),
      requiredEnum("result", Verdict.class),
      optionalEnum("severity", FindingSeverity.class),
      optional("finding", TEXT),
      optional("corrective_action", TEXT),
      optional("action_owner", TEXT),
      optional("action_due_on", DATE),
      optionalEnum("action_status", ActionStatus.class),
      optional("action_closed_on", DATE)),
      List.of(
          new RequiredWhen("severity", "result", anyOf(Verdict.FAIL)),
          new RequiredWhen("corrective_action", "result", anyOf(Verdict.FAIL)),
          new RequiredWhen("action_owner", "result", anyOf(Verdict.FAIL)),
          new RequiredWhen("action_due_on", "result", anyOf(Verdict.FAIL)),
          new NotBefore("action_closed_on", "inspected_on"))),

  /**
   * Optional: the branch's policies in force per month and product line, the denominator of the rates per
   * 10,000 policies. One row per product line (its id within a file); the month names the month it describes.
   */
  PORTFOLIO("portfolio", "product_line", null, List.of(
      required("month", MONTH),
      requiredEnum("product_line", ProductLine.class),
      required("policies_in_force", COUNT)),
      List.of()),

  /**
   * The quality department's inspector roster (branch QA): who inspects which record type, from which branch, how
   * many tasks a month. Staff ids and codes only; the latest roster uploaded replaces the earlier ones.
   */
  INSPECTORS("inspectors", "inspector_id", null, List.of(
      required("inspector_id", IDENTIFIER),
      required("home_branch", IDENTIFIER),
      requiredEnum("team", InspectorTeam.class),
      required("capacity", COUNT),
      required("active", BOOLEAN)),
      List.of());

  /** An optional column every type accepts; when present it must name the key's branch. */
  public static final String BRANCH_COLUMN = "branch";

  private static final Map<String, RecordType> BY_WIRE_NAME = new HashMap<>();

  static {
    for (RecordType type : values()) {
      BY_WIRE_NAME.put(type.wireName, type);
    }
  }

  private final String wireName;
  private final String idColumn;
  private final String versionColumn;
  private final List<Column> columns;
  private final List<CrossFieldRule> rules;
  private final Map<String, Integer> indexByName = new HashMap<>();

  RecordType(String wireName, String idColumn, String versionColumn, List<Column> columns, List<CrossFieldRule> rules) {
    this.wireName = wireName;
    this.idColumn = idColumn;
    this.versionColumn = versionColumn;
    this.columns = List.copyOf(columns);
    this.rules = List.copyOf(rules);
    for (int i = 0; i < columns.size(); i++) {
      indexByName.put(columns.get(i).name(), i);
    }
  }

  public static Optional<RecordType> fromWireName(String name) {
    return Optional.ofNullable(BY_WIRE_NAME.get(name));
  }

  /** The names branch systems use in keys, in the order of the format page. */
  public static List<String> wireNames() {
    return java.util.Arrays.stream(values()).map(RecordType::wireName).toList();
  }

  public String wireName() {
    return wireName;
  }

  /** The column that identifies a record within its branch and type. */
  public String idColumn() {
    return idColumn;
  }

  public int idIndex() {
    return indexOf(idColumn);
  }

  /**
   * For types that arrive once per state change (claims, complaints): the timestamp column whose
   * latest value is the record's current state. Empty for types where each row is a record.
   */
  public Optional<String> versionColumn() {
    return Optional.ofNullable(versionColumn);
  }

  public boolean keepsLatestState() {
    return versionColumn != null;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<CrossFieldRule> rules() {
    return rules;
  }

  /** Index of a column in {@link #columns()}, or -1 when the type has no such column. */
  public int indexOf(String columnName) {
    Integer index = indexByName.get(columnName);
    return index == null ? -1 : index;
  }

  public Column column(int index) {
    return columns.get(index);
  }

  private static Set<String> anyOf(WireNamed... values) {
    return anyOf(List.of(values));
  }

  private static Set<String> anyOf(java.util.Collection<? extends WireNamed> values) {
    return values.stream().map(WireNamed::wireName).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Custom columns branch systems may add; they are accepted and ignored. */
  public static boolean isCustomColumn(String name) {
    return name.startsWith("x_");
  }
}
