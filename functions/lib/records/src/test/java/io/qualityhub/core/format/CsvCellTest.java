package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A cell a spreadsheet opens as text, never as a formula, and RFC 4180 quoting where it is needed. */
class CsvCellTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "=HYPERLINK(\"http://x\")|`\"'=HYPERLINK(\"\"http://x\"\")\"`",
      "+1|'+1",
      "-1,5|`\"'-1,5\"`",
      "@SUM(A1)|'@SUM(A1)",
      "plain text|plain text",
      "a \"quoted\" word|`\"a \"\"quoted\"\" word\"`",
      "'survey_id' must be an id|'survey_id' must be an id"})
  void formulasAreShownAsTextAndQuotingFollowsRfc4180(String raw, String cell) {
    assertEquals(cell, CsvCell.of(raw));
  }

  @ParameterizedTest
  @CsvSource({"'\t1', '''\t1'", "'', ''"})
  void aLeadingTabIsNeutralisedAndEmptyStaysEmpty(String raw, String cell) {
    assertEquals(cell, CsvCell.of(raw));
  }

  /** The characters that force quoting, in the first position too (a leading CR is prefixed, so it moves). */
  @org.junit.jupiter.api.Test
  void aCellStartingWithACommaQuoteOrLineBreakIsQuoted() {
    assertEquals("\",a\"", CsvCell.of(",a"));
    assertEquals("\"\"\"a\"", CsvCell.of("\"a"));
    assertEquals("\"\na\"", CsvCell.of("\na"));
    assertEquals("\"'\ra\"", CsvCell.of("\ra"));
  }
}
