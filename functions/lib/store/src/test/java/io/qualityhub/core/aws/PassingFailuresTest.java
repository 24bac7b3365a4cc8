package io.qualityhub.core.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kms.model.KmsException;

class PassingFailuresTest {

  @Test
  void throttlingServerErrorsAndBrokenConnectionsPass() {
    assertTrue(PassingFailures.isPassing(ProvisionedThroughputExceededException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build()));
    assertTrue(PassingFailures.isPassing(kms("ThrottlingException", 400)));
    assertTrue(PassingFailures.isPassing(kms("KMSInternalException", 500)));
    assertTrue(PassingFailures.isPassing(SdkClientException.create("Unable to execute HTTP request",
        new SocketTimeoutException("Read timed out"))));
  }

  @Test
  void aPassingFailureIsFoundUnderTheExceptionsThatCarryIt() {
    assertTrue(PassingFailures.isPassing(new CompletionException(kms("ThrottlingException", 400))));
  }

  @Test
  void whatTheRequestOrTheCodeGotWrongDoesNotPass() {
    assertFalse(PassingFailures.isPassing(DynamoDbException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build()));
    assertFalse(PassingFailures.isPassing(kms("AccessDeniedException", 400)));
    assertFalse(PassingFailures.isPassing(SdkClientException.create("Unable to marshall request")));
    assertFalse(PassingFailures.isPassing(new IOException("not an AWS failure")));
    assertFalse(PassingFailures.isPassing(new IllegalStateException("a bug")));
    assertFalse(PassingFailures.isPassing(new OutOfMemoryError()));
  }

  private static KmsException kms(String code, int status) {
    return (KmsException) KmsException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
  }
}
