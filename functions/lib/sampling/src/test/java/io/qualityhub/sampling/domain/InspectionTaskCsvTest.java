package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A cell of the inspection task list that starts with a comma, quote or line feed is quoted like any other. */
class InspectionTaskCsvTest {

    @Test
    void aCellStartingWithACommaQuoteOrLineFeedIsQuoted() {
        assertEquals("\",x\"", InspectionTaskCsv.cell(",x"));
        assertEquals("\"\"\"x\"", InspectionTaskCsv.cell("\"x"));
        assertEquals("\"\nx\"", InspectionTaskCsv.cell("\nx"));
        assertEquals("plain", InspectionTaskCsv.cell("plain"));
    }
}
