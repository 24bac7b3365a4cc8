package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which types branches upload (the monitor expects each of them daily), and which keep only a record's latest state. */
class BranchUploadTypesTest {

  @Test
  void branchesUploadEveryTypeButTheQualityDepartmentsFindingsAndInspectors() {
    assertEquals(List.of("sales", "underwriting", "followups", "claims", "complaints", "surveys", "violations",
        "portfolio"), UploadKey.branchTypes());
  }

  @Test
  void onlyClaimsAndComplaintsRepeatARecordPerStateChange() {
    assertEquals(List.of(RecordType.CLAIMS, RecordType.COMPLAINTS),
        Arrays.stream(RecordType.values()).filter(RecordType::keepsLatestState).toList());
  }
}
