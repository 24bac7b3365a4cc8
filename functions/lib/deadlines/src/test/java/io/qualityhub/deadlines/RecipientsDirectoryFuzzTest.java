package io.qualityhub.deadlines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * Any bytes give either a recipients directory whose every address is usable, or an
 * {@link InvalidRecipientsDirectoryException} that lists its problems; never another exception.
 * Seeds: {@code src/test/resources/io/qualityhub/deadlines/RecipientsDirectoryFuzzTestInputs/}.
 */
class RecipientsDirectoryFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void load(byte[] input) {
    RecipientsDirectory directory;
    try {
      directory = RecipientsDirectory.load(new ByteArrayInputStream(input));
    } catch (InvalidRecipientsDirectoryException invalid) {
      assertFalse(invalid.problems().isEmpty(), "an invalid directory names at least one problem");
      for (String problem : invalid.problems()) {
        assertFalse(problem == null || problem.isBlank(), "each problem says something");
      }
      return;
    }
    assertFalse(directory.defaults().getOrDefault(Role.HEAD_OFFICE_QUALITY, List.of()).isEmpty(),
        "head office quality always has an address");
    checkAddresses(directory.defaults());
    directory.branches().values().forEach(RecipientsDirectoryFuzzTest::checkAddresses);
  }

  private static void checkAddresses(Map<Role, List<String>> byRole) {
    byRole.values().forEach(addresses -> addresses.forEach(address ->
        assertTrue(address.indexOf('@') > 0 && !address.isBlank(), "a loaded address is an e-mail address")));
  }
}
