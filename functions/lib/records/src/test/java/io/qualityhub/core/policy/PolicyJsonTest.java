package io.qualityhub.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading policy documents and merging overrides, as every loader does. */
class PolicyJsonTest {

  private static JsonNode json(String text) throws IOException {
    return PolicyJson.parse(new ByteArrayInputStream(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
  }

  /** The examples of RFC 7386, appendix A. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'a':'b'}               | {'a':'c'}            | {'a':'c'}",
      "{'a':'b'}               | {'b':'c'}            | {'a':'b','b':'c'}",
      "{'a':'b'}               | {'a':null}           | {}",
      "{'a':'b','b':'c'}       | {'a':null}           | {'b':'c'}",
      "{'a':['b']}             | {'a':'c'}            | {'a':'c'}",
      "{'a':'c'}               | {'a':['b']}          | {'a':['b']}",
      "{'a':{'b':'c'}}         | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
      "{'a':[{'b':'c'}]}       | {'a':[1]}            | {'a':[1]}",
      "['a','b']               | ['c','d']            | ['c','d']",
      "{'a':'b'}               | ['c']                | ['c']",
      "{'a':'foo'}             | null                 | null",
      "{'a':'foo'}             | \"bar\"              | \"bar\"",
      "{'e':null}              | {'a':1}              | {'e':null,'a':1}",
      "[1,2]                   | {'a':'b','c':null}   | {'a':'b'}",
      "{}                      | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}"})
  void appliesAMergePatchAsRfc7386Says(String target, String patch, String expected) throws IOException {
    JsonNode targetNode = json(target);
    JsonNode patchNode = json(patch);

    assertEquals(json(expected), PolicyJson.mergePatch(targetNode, patchNode));
    assertEquals(json(target), targetNode, "the target is left as it was");
    assertEquals(json(patch), patchNode, "the patch is left as it was");
  }

  @Test
  void aMissingTargetIsPatchedAsAnEmptyObject() throws IOException {
    assertEquals(json("{'a':{'b':1}}"), PolicyJson.mergePatch(null, json("{'a':{'b':1,'c':null}}")));
  }

  @Test
  void readsDecimalsExactly() throws IOException {
    assertEquals("0.80", json("{'share':0.80}").get("share").decimalValue().toPlainString());
  }

  @Test
  void refusesADuplicateKeyWithItsPosition() {
    JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> json("{'a':1,\n'a':2}"));
    String described = PolicyJson.describeMalformed(refused);
    assertTrue(described.startsWith("not valid JSON at line 2, column "), described);
    assertTrue(described.contains("Duplicate field 'a'"), described);
  }

  @Test
  void refusesTrailingContent() {
    assertThrows(JsonProcessingException.class, () -> json("{'a':1} {'b':2}"));
  }

  @Test
  void refusesANumberOutOfRange() {
    JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> json("{'a':1e-99999999999}"));
    String described = PolicyJson.describeMalformed(refused);
    assertTrue(described.startsWith("not valid JSON: a number is out of range ("), described);
  }

  @Test
  void textInNoUnicodeEncodingIsDescribedAsSuch() {
    assertEquals("not valid JSON: the text is not UTF-8, UTF-16 or UTF-32 (Invalid UTF-32 character)",
        PolicyJson.describeMalformed(new CharConversionException("Invalid UTF-32 character")));
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDocumentOnItsOwnLeavesOutItsNulls() throws Exception {
    assertEquals(json("{'a':1,'c':{'e':[null]}}"), PolicyJson.readDocument(stream("{'a':1,'b':null,'c':{'d':null,'e':[null]}}")));
  }

  @Test
  void anOverrideIsLaidOverItsBaseAsAMergePatch() throws Exception {
    JsonNode base = json("{'version':'1','levels':{'warn':0.8,'severe':2},'names':['a']}");

    assertEquals(json("{'version':'1-local','levels':{'warn':0.9},'names':['b']}"), PolicyJson.readOverride(base,
        stream("{'version':'1-local','levels':{'warn':0.9,'severe':null},'names':['b']}")));
  }

  @Test
  void anOverrideKeepingTheBasesVersionIsAProblemAtItsVersion() throws Exception {
    JsonNode base = json("{'version':'2026-12-1'}");

    assertEquals("$.version (override): missing or equal to the defaults' version \"2026-12-1\"; give the override its"
            + " own version, e.g. \"2026-12-1-pilot\", so that alerts record which policy applied",
        PolicyJson.overrideVersionProblem(base, json("{'version':'2026-12-1'}"), "the defaults'", "-pilot",
            "alerts record which policy applied").orElseThrow().toString());
    assertTrue(PolicyJson.overrideVersionProblem(base, json("{}"), "the defaults'", "-pilot", "x").isPresent());
    assertTrue(PolicyJson.overrideVersionProblem(base, json("{'version':7}"), "the defaults'", "-pilot", "x").isPresent());
    assertTrue(PolicyJson.overrideVersionProblem(base, json("{'version':'2026-12-2'}"), "the defaults'", "-pilot", "x")
        .isEmpty());
  }

  @Test
  void aDocumentOrOverrideThatIsNotAnObjectIsRefusedAtItsRoot() throws Exception {
    assertEquals("$: must be a JSON object, was array; write the document as one JSON object {...}",
        assertThrows(UnreadablePolicyException.class, () -> PolicyJson.readDocument(stream("[1]"))).getMessage());
    assertEquals("$ (override): must be a JSON object, was string; write the document as one JSON object {...}",
        assertThrows(UnreadablePolicyException.class, () -> PolicyJson.readOverride(json("{}"), stream("'x'")))
            .getMessage());
    assertEquals("$: must be a JSON object, was empty; write the document as one JSON object {...}",
        assertThrows(UnreadablePolicyException.class, () -> PolicyJson.readDocument(stream(""))).getMessage());
  }

  @Test
  void aDuplicateKeyInADocumentIsAProblemAtItsRoot() {
    UnreadablePolicyException refused = assertThrows(UnreadablePolicyException.class,
        () -> PolicyJson.readDocument(stream("{'a':1,\n'a':2}")));

    assertEquals("$", refused.problem().path());
    assertTrue(refused.problem().what().startsWith("not valid JSON at line 2, column "), refused.problem().what());
    assertEquals("correct the JSON there", refused.problem().whatToDo());
  }
}
