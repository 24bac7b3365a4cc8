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
}
