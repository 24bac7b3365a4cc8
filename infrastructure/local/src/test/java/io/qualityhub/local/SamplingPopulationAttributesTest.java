package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.store.PeriodIndex;
import io.qualityhub.emulator.CloudFormationYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sampling role reads no ciphertext: it may query the period index only for specific attributes, and those are
 * exactly the provenance the population reader projects plus every column of the upload format without (S); the
 * index itself projects only those of the types it holds. A column added to the format, or one made sensitive,
 * fails here until template.yaml follows.
 */
class SamplingPopulationAttributesTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  @Test
  void theSamplingQueryMayReadExactlyTheNonSensitiveColumnsAndProvenance() {
    JsonNode statement = statement("SamplingFunctionPolicy", "ReadPopulation");
    assertEquals("dynamodb:Query", statement.get("Action").asText(), "the population is never a scan of the table");
    assertEquals("${RecordsTable.Arn}/index/PeriodIndex", statement.at("/Resource/Fn::Sub").asText());
    assertEquals("SPECIFIC_ATTRIBUTES", statement.at("/Condition/StringEquals/dynamodb:Select").asText());
    Set<String> allowed = new TreeSet<>();
    statement.at("/Condition/ForAllValues:StringEquals/dynamodb:Attributes").forEach(name -> allowed.add(name.asText()));

    Set<String> expected = new TreeSet<>(List.of("pk", "sk", "generation", "recordType", "branchCode", "businessDate"));
    Set<String> sensitive = new TreeSet<>();
    for (RecordType type : RecordType.values()) {
      for (Column column : type.columns()) {
        (column.sensitive() ? sensitive : expected).add(column.name());
      }
    }
    assertEquals(expected, allowed);
    sensitive.addAll(List.of("biIdNo", "biPhone", "itemTag", "dataKey"));
    sensitive.retainAll(allowed);
    assertEquals(Set.of(), sensitive, "no ciphertext, term, tag or key reference");
  }

  @Test
  void thePeriodIndexProjectsTheNonSensitiveColumnsOfTheTypesItHoldsAndProvenance() {
    JsonNode template = CloudFormationYaml.read(ROOT.resolve("template.yaml"));
    JsonNode index = null;
    for (JsonNode each : template.at("/Resources/RecordsTable/Properties/GlobalSecondaryIndexes")) {
      if (each.path("IndexName").asText().equals("PeriodIndex")) {
        index = each;
      }
    }
    Set<String> projected = new TreeSet<>();
    index.at("/Projection/NonKeyAttributes").forEach(name -> projected.add(name.asText()));

    Set<String> expected = new TreeSet<>(List.of("generation", "recordType", "branchCode", "businessDate"));
    Set<String> sensitive = new TreeSet<>();
    for (RecordType type : RecordType.values()) {
      boolean indexed = PeriodIndex.dateAttribute(type.wireName()).isPresent();
      for (Column column : type.columns()) {
        if (column.sensitive()) {
          sensitive.add(column.name());
        } else if (indexed) {
          expected.add(column.name());
        }
      }
    }
    assertEquals(expected, projected);
    sensitive.addAll(List.of("biIdNo", "biPhone", "itemTag", "dataKey"));
    sensitive.retainAll(projected);
    assertEquals(Set.of(), sensitive, "no ciphertext, term, tag or key reference");
    assertEquals(List.of("claims", "complaints", "followups", "inspectors", "sales", "underwriting", "violations"),
        RecordType.wireNames().stream().filter(type -> PeriodIndex.dateAttribute(type).isPresent()).sorted().toList());
  }

  @Test
  void theMonitorWritesOnlyTheIndexEntryAndSealOfStateItems() {
    JsonNode statement = statement("MonitorFunctionPolicy", "AdvanceIndex");
    assertEquals("dynamodb:UpdateItem", statement.get("Action").asText());
    Set<String> allowed = new TreeSet<>();
    statement.at("/Condition/ForAllValues:StringEquals/dynamodb:Attributes").forEach(name -> allowed.add(name.asText()));
    assertEquals(new TreeSet<>(List.of("pk", "sk", "dueShard", "dueAt", "seal", "sourceSk")), allowed);
  }

  private static JsonNode statement(String policy, String sid) {
    JsonNode template = CloudFormationYaml.read(ROOT.resolve("template.yaml"));
    for (JsonNode statement : template.at("/Resources/" + policy + "/Properties/PolicyDocument/Statement")) {
      if (sid.equals(statement.path("Sid").asText())) {
        return statement;
      }
    }
    throw new AssertionError(policy + " has no statement " + sid);
  }
}
