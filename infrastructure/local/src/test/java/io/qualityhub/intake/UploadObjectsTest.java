package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.store.UploadMissingException;
import io.qualityhub.local.LocalDeployment;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intake's S3 adapter against the emulator: here because the function's module starts no emulator. */
class UploadObjectsTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static LocalDeployment local;

  @BeforeAll
  static void deploy() {
    local = LocalDeployment.open(ROOT, Optional.empty());
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void anUploadNoLongerInTheBucketIsSaidToBeMissingWithWhatToDo() {
    String bucket = local.physicalId("IntakeBucket");
    String key = "incoming/MIS-01/2026-11-20/claims.csv";
    UploadObjects uploads = new UploadObjects(local.clients().s3(), local.attribute("InfraKey", "Arn"));

    UploadMissingException missing = assertThrows(UploadMissingException.class,
        () -> uploads.pin(new S3ObjectRef(bucket, key, null, null)));

    assertTrue(missing.getMessage().contains("s3://" + bucket + "/" + key + " is no longer stored")
        && missing.getMessage().contains("ask the branch to upload the file again"), missing.getMessage());
  }
}
