package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class S3ProvisionerTest {

    @Test
    void aDenyWithAConditionIsLeftToTheRealS3() {
        assertTrue(S3Provisioner.isConditionalDeny(CloudFormationYaml.read(
                "Effect: Deny\nCondition:\n  StringNotEqualsIfExists:\n    s3:x-amz-server-side-encryption: aws:kms\n")));
        assertFalse(S3Provisioner.isConditionalDeny(CloudFormationYaml.read("Effect: Deny\nAction: s3:DeleteBucket\n")));
        assertFalse(S3Provisioner.isConditionalDeny(CloudFormationYaml.read(
                "Effect: Allow\nCondition:\n  Bool:\n    aws:SecureTransport: 'true'\n")));
    }

    @Test
    void recognisesStatementsThatTestSecureTransport() {
        assertTrue(S3Provisioner.testsSecureTransport(CloudFormationYaml.read(
                "Effect: Deny\nCondition:\n  Bool:\n    aws:SecureTransport: 'false'\n")));
        assertFalse(S3Provisioner.testsSecureTransport(CloudFormationYaml.read(
                "Effect: Deny\nCondition:\n  StringNotEquals:\n    s3:x-amz-server-side-encryption: aws:kms\n")));
    }
}
