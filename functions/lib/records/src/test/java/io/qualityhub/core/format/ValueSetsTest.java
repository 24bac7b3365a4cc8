package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upload format's value sets, written out as the format page lists them (UPLOAD-FORMAT.md). */
class ValueSetsTest {

  @Test
  void everyEnumColumnAllowsExactlyTheFormatPagesValuesInItsOrder() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("sales.product_line", List.of("life", "health", "accident", "property", "auto"));
    expected.put("sales.channel", List.of("agent", "bancassurance", "telemarketing", "online", "broker"));
    expected.put("underwriting.product_line", List.of("life", "health", "accident", "property", "auto"));
    expected.put("underwriting.decision", List.of("pending", "accept", "decline", "refer", "more_evidence"));
    expected.put("underwriting.risk_level", List.of("low", "medium", "high"));
    expected.put("followups.outcome", List.of("understood", "not_understood", "unreachable", "issue_raised"));
    expected.put("claims.product_line", List.of("life", "health", "accident", "property", "auto"));
    expected.put("claims.complexity", List.of("simple", "complex"));
    expected.put("claims.status", List.of("reported", "documents_pending", "under_review", "investigating",
        "approved", "paid", "closed", "rejected", "withdrawn"));
    expected.put("complaints.channel", List.of("phone", "email", "branch", "online", "regulator"));
    expected.put("complaints.severity", List.of("general", "major"));
    expected.put("complaints.concerns_type", List.of("policy", "claim", "sales", "service"));
    expected.put("complaints.status", List.of("open", "responded", "escalated", "resolved", "closed"));
    expected.put("violations.department", List.of("sales", "underwriting", "claims", "service"));
    expected.put("violations.severity", List.of("minor", "major", "severe"));
    expected.put("violations.sanction", List.of("warning", "fine", "suspension", "termination", "training"));
    expected.put("findings.result", List.of("pass", "fail"));
    expected.put("findings.severity", List.of("minor", "major", "critical"));
    expected.put("findings.action_status", List.of("open", "done", "verified"));
    expected.put("portfolio.product_line", List.of("life", "health", "accident", "property", "auto"));
    expected.put("inspectors.team", List.of("sales", "underwriting", "followups", "claims", "complaints", "all"));

    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (RecordType type : RecordType.values()) {
      for (Column column : type.columns()) {
        if (column.type() == ColumnType.ENUM) {
          actual.put(type.wireName() + "." + column.name(), column.allowed());
        }
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void aWireValueParsesToItsConstant() {
    assertSame(ClaimStatus.DOCUMENTS_PENDING, ClaimStatus.fromWire("documents_pending"));
    assertSame(ProductLine.AUTO, ProductLine.fromWire("auto"));
    assertSame(ActionStatus.VERIFIED, ActionStatus.fromWire("verified"));
  }

  @Test
  void anUnknownValueIsRefusedNamingTheFieldAndWhatItAccepts() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ComplaintSeverity.fromWire("MAJOR"));
    assertEquals("complaint severity: 'MAJOR' is not one of general, major", refused.getMessage());
  }

  @Test
  void everyConstantIsSpelledOnTheWireAsItsNameInLowerCaseAndParsesBack() throws ReflectiveOperationException {
    List<Class<? extends Enum<?>>> valueSets = List.of(ProductLine.class, SalesChannel.class,
        UnderwritingDecision.class, RiskLevel.class, FollowupOutcome.class, Complexity.class, ClaimStatus.class,
        ComplaintChannel.class, ComplaintSeverity.class, ConcernsType.class, ComplaintStatus.class, Department.class,
        ViolationSeverity.class, Sanction.class, Verdict.class, FindingSeverity.class, ActionStatus.class,
        InspectorTeam.class);
    for (Class<? extends Enum<?>> valueSet : valueSets) {
      for (Enum<?> constant : valueSet.getEnumConstants()) {
        String wireName = constant.name().toLowerCase(java.util.Locale.ROOT);
        assertEquals(wireName, ((WireNamed) constant).wireName());
        assertSame(constant, valueSet.getMethod("fromWire", String.class).invoke(null, wireName));
      }
    }
  }
}
