package io.qualityhub.local.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The condition semantics the permission check relies on, each as AWS documents it. */
class PolicyConditionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void forAllValuesHoldsForAnAbsentKeyAndForAnyValueDoesNot() {
    JsonNode forAll = json("{\"ForAllValues:StringLike\": {\"dynamodb:LeadingKeys\": [\"ALERT#*\"]}}");
    assertTrue(PolicyConditions.hold(forAll, Map.of()), "a Scan has no leading keys: ForAllValues holds vacuously");
    assertTrue(PolicyConditions.hold(forAll, Map.of("dynamodb:leadingkeys", List.of("ALERT#1", "ALERT#2"))));
    assertFalse(PolicyConditions.hold(forAll, Map.of("dynamodb:leadingkeys", List.of("ALERT#1", "REC#2"))));
    JsonNode forAny = json("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"branch\"]}}");
    assertFalse(PolicyConditions.hold(forAny, Map.of()));
    assertTrue(PolicyConditions.hold(forAny, Map.of("aws:tagkeys", List.of("team", "branch"))));
  }

  @Test
  void anAbsentKeyFailsAPositiveOperatorAndPassesANegatedOrIfExistsOne() {
    Map<String, List<String>> direct = Map.of("aws:principalarn", List.of("arn:aws:iam::1:role/r"));
    assertFalse(PolicyConditions.hold(json("{\"StringEquals\": {\"kms:ViaService\": \"s3.eu-west-1.amazonaws.com\"}}"), direct));
    assertTrue(PolicyConditions.hold(json("{\"StringNotEquals\": {\"kms:ViaService\": \"s3.eu-west-1.amazonaws.com\"}}"), direct));
    assertTrue(PolicyConditions.hold(json("{\"StringEqualsIfExists\": {\"kms:ViaService\": \"s3.eu-west-1.amazonaws.com\"}}"), direct));
    assertTrue(PolicyConditions.hold(json("{\"Null\": {\"kms:ViaService\": \"true\"}}"), direct));
    assertFalse(PolicyConditions.hold(json("{\"Null\": {\"aws:PrincipalArn\": \"true\"}}"), direct));
  }

  @Test
  void operatorsAreAndedAndAKeysValuesOred() {
    JsonNode condition = json("{\"ArnEquals\": {\"aws:PrincipalArn\": [\"arn:aws:iam::1:role/a\", \"arn:aws:iam::1:role/b\"]},"
        + " \"StringEquals\": {\"kms:EncryptionContext:purpose\": \"record\"}}");
    assertTrue(PolicyConditions.hold(condition, Map.of("aws:principalarn", List.of("arn:aws:iam::1:role/b"),
        "kms:encryptioncontext:purpose", List.of("record"))));
    assertFalse(PolicyConditions.hold(condition, Map.of("aws:principalarn", List.of("arn:aws:iam::1:role/b"),
        "kms:encryptioncontext:purpose", List.of("index"))));
    assertFalse(PolicyConditions.hold(json("{\"ArnNotEquals\": {\"aws:PrincipalArn\": [\"arn:aws:iam::1:role/a\","
        + " \"arn:aws:iam::1:role/b\"]}}"), Map.of("aws:principalarn", List.of("arn:aws:iam::1:role/a"))));
  }

  @Test
  void policyVariablesTakeTheRequestsValueAndMatchNothingWhenItIsAbsent() {
    assertEquals(Optional.of("branch-TPE-01"), PolicyConditions.substitute("branch-${aws:RequestTag/branch}",
        Map.of("aws:requesttag/branch", List.of("TPE-01"))));
    assertEquals(Optional.empty(), PolicyConditions.substitute("incoming/${aws:PrincipalTag/branch}/*", Map.of()));
  }

  @Test
  void anOperatorTheCheckCannotEvaluateIsAnErrorNotAPass() {
    assertThrows(IllegalArgumentException.class, () -> PolicyConditions.hold(
        json("{\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}"), Map.of("aws:sourceip", List.of("10.1.1.1"))));
  }

  @Test
  void anArnWildcardStaysInItsSegmentUnlessItEndsIt() {
    assertTrue(Wildcards.matchArn("arn:aws:s3:::bucket/incoming/*", "arn:aws:s3:::bucket/incoming/TPE-01/a.csv"));
    assertFalse(Wildcards.matchArn("arn:aws:s3:::bucket/incoming/*", "arn:aws:s3:::bucket/rejects/TPE-01/a.csv"));
    assertTrue(Wildcards.matchArn("arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/x:*",
        "arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/x:log-stream:s"));
    assertFalse(Wildcards.matchArn("arn:aws:sqs:*-west-1:1:q", "arn:aws:sqs:eu:x-west-1:1:q"));
    assertTrue(Wildcards.matchAction("s3:Get*", "s3:getobjectversion"));
    assertFalse(Wildcards.matchAction("s3:Get*", "s3:PutObject"));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
