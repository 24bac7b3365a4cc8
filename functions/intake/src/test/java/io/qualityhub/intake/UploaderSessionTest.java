package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UploaderSessionTest {

  @Test
  void aBranchSessionOfAnAssumedRoleNamesItsBranch() {
    assertEquals(Optional.of("TPE-01"), UploaderSession.branchOf("AWS:AROAEXAMPLEID1234567:branch-TPE-01"));
    assertEquals(Optional.of("KHH"), UploaderSession.branchOf("AWS:AROA3XFRBF535PLBIFPI4:branch-KHH"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {
      "", // moto and some emulators send nothing, or an empty string
      "AWS:AROAEXAMPLEID1234567:quality-dept", // QualityUploaderRole or an operator's session
      "AWS:AIDAEXAMPLEUSER12345", // an IAM user: no session name
      "A1B2C3D4E5F6G7", // S3's own or a canonical id
      "AWS:AROAEXAMPLEID1234567:Branch-TPE-01", // the prefix is exact
      "AWS:AROAEXAMPLEID1234567:branch-tpe-01", // branch codes are upper case
      "AWS:AROAEXAMPLEID1234567:branch-X", // too short for a branch code
      "AWS:AROAEXAMPLEID1234567:branch-ABCDEFGHIJKLMNOPQ", // too long
      "arn:aws:sts::123456789012:assumed-role/BranchUploaderRole/branch-TPE-01", // an ARN, not a principal id
  })
  void anythingElseNamesNoBranch(String principalId) {
    assertEquals(Optional.empty(), UploaderSession.branchOf(principalId));
  }

  @Test
  void aSessionOfTheKeysBranchOrOfNoBranchPasses() throws Exception {
    UploadKey key = UploadKey.parse("incoming/TPE-01/2026-11-20/claims.csv");
    for (String principal : java.util.Arrays.asList(null, "AWS:AROAEXAMPLEID1234567:branch-TPE-01",
        "AWS:AROAEXAMPLEID1234567:quality-dept", "AWS:AIDAEXAMPLEUSER12345")) {
      assertDoesNotThrow(() -> IntakeService.checkUploader(ref(key, principal), key), String.valueOf(principal));
    }
  }

  @Test
  void aSessionOfAnotherBranchIsRefusedNamingBothBranchesAndWhatToDo() throws Exception {
    for (String file : List.of("incoming/TPE-01/2026-11-20/claims.csv", "incoming/QA/2026-11-20/findings.csv")) {
      UploadKey key = UploadKey.parse(file);
      FileRefusedException refused = assertThrows(FileRefusedException.class,
          () -> IntakeService.checkUploader(ref(key, "AWS:AROAEXAMPLEID1234567:branch-KHH-02"), key));
      assertEquals(RefusalReason.UPLOADER_MISMATCH, refused.reason());
      assertTrue(refused.getMessage().contains("branch KHH-02"), refused.getMessage());
      assertTrue(refused.getMessage().contains("not of branch " + key.branch()), refused.getMessage());
      assertTrue(refused.getMessage().contains("Upload it again"), refused.getMessage());
    }
  }

  @Test
  void aBranchSessionWithAMalformedCodeIsRefusedToo() throws Exception {
    UploadKey key = UploadKey.parse("incoming/TPE-01/2026-11-20/claims.csv");
    FileRefusedException refused = assertThrows(FileRefusedException.class,
        () -> IntakeService.checkUploader(ref(key, "AWS:AROAEXAMPLEID1234567:branch-tpe-01"), key));
    assertEquals(RefusalReason.UPLOADER_MISMATCH, refused.reason());
  }

  @Test
  void theNotificationCarriesTheUploaderPrincipal() throws Exception {
    String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"userIdentity\":{\"principalId\":"
        + "\"AWS:AROAEXAMPLEID1234567:branch-KHH-02\"},\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":"
        + "\"incoming%2FTPE-01%2F2026-11-20%2Fclaims.csv\"}}},"
        + "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"incoming%2FX\"}}}]}";
    List<S3ObjectRef> objects = S3Notifications.objectsIn(body);
    assertEquals("AWS:AROAEXAMPLEID1234567:branch-KHH-02", objects.get(0).uploaderPrincipalId());
    assertEquals(null, objects.get(1).uploaderPrincipalId());
  }

  private static S3ObjectRef ref(UploadKey key, String principal) {
    return new S3ObjectRef("bucket", "incoming/" + key.branch() + "/x", null, null, principal);
  }
}
