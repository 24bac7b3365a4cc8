package io.qualityhub.deadlines;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The recipients directory loaded inside each test: the other tests hold theirs in static fields, loaded once per
 * JVM, so mutation testing could not see a mistake in what loading keeps (docs/testing.md).
 */
class RecipientsDirectoryTest {

    private static RecipientsDirectory load(String json) {
        return RecipientsDirectory.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static InvalidRecipientsDirectoryException refused(String json) {
        return assertThrows(InvalidRecipientsDirectoryException.class, () -> load(json));
    }

    @Test
    void eachAddressReadsDigestsInTheLanguageTheDirectoryNamesAndOthersInBoth() {
        RecipientsDirectory directory = load("""
                {"defaults": {"head_office_quality": ["hq@example.com"]}, "branches": {},
                 "languages": {"claims-head@example.com": "en", "quality-head@example.com": "zh-Hant"}}
                """);

        assertEquals(DigestLanguage.EN, directory.languageOf("claims-head@example.com"));
        assertEquals(DigestLanguage.ZH_HANT, directory.languageOf("quality-head@example.com"));
        assertEquals(DigestLanguage.ZH_HANT_AND_EN, directory.languageOf("hq@example.com"));
    }

    @Test
    void languagesThatAreNoObjectOrNoTextAreRefusedByTheirPath() {
        assertEquals(List.of("$.languages: must be an object of e-mail address to language, e.g."
                + " {\"a@example.com\": \"en\"}"), refused("""
                {"defaults": {"head_office_quality": ["hq@example.com"]}, "branches": {}, "languages": ["en"]}
                """).problems());
        assertEquals(List.of("$.languages.hq@example.com: must be one of zh-Hant+en, zh-Hant, en"), refused("""
                {"defaults": {"head_office_quality": ["hq@example.com"]}, "branches": {}, "languages": {"hq@example.com": 1}}
                """).problems());
    }

    @Test
    void aBranchThatIsNoObjectIsRefusedAndTheMessageCountsOneProblem() {
        InvalidRecipientsDirectoryException error = refused("""
                {"defaults": {"head_office_quality": ["hq@example.com"]},
                 "branches": {"TPE-01": ["tpe01-manager@example.com"]}}
                """);

        assertEquals(List.of("$.branches.TPE-01: must be an object of role to addresses"), error.problems());
        assertEquals("Recipients directory is invalid (1 problem); fix the directory JSON and load it again:\n"
                + "  $.branches.TPE-01: must be an object of role to addresses", error.getMessage());
    }
}
