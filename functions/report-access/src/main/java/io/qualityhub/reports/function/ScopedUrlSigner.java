package io.qualityhub.reports.function;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Pre-signs a GET of one report object with credentials that can read nothing else: the download
 * role assumed with a session policy naming that object's ARN (and decryption with the reports
 * key through S3 only). Whoever holds the URL can fetch that object, for the URL's lifetime, and
 * nothing more.
 */
final class ScopedUrlSigner {

  /** STS issues role sessions of at least 15 minutes; the URL's own expiry is what limits use. */
  private static final int MIN_SESSION_SECONDS = 900;

  private final StsClient sts;
  private final String downloadRoleArn;
  private final String reportsKeyArn;
  private final Region region;
  private final Optional<URI> endpoint;

  ScopedUrlSigner(StsClient sts, String downloadRoleArn, String reportsKeyArn, Region region, Optional<URI> endpoint) {
    this.sts = sts;
    this.downloadRoleArn = downloadRoleArn;
    this.reportsKeyArn = reportsKeyArn;
    this.region = region;
    this.endpoint = endpoint;
  }

  URI sign(String bucket, String key, String versionId, Duration validity) {
    Credentials credentials = sts.assumeRole(request -> request
        .roleArn(downloadRoleArn)
        .roleSessionName("report-download-" + UUID.randomUUID().toString().substring(0, 8))
        .durationSeconds(Math.max(MIN_SESSION_SECONDS, (int) validity.toSeconds()))
        .policy(sessionPolicy(bucket, key))).credentials();
    return presign(AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
        credentials.sessionToken()), bucket, key, versionId, validity);
  }

  /**
   * The signing alone, with made-up credentials and no call to STS: it runs the presigner's whole local path (endpoint
   * rules, SigV4), so SnapStart's snapshot holds it compiled (decision 0018). The URL it returns opens nothing.
   */
  URI presignForPriming() {
    return presign(AwsBasicCredentials.create("PRIMINGONLY", "priming-only"), "qualityhub-priming", "reports/priming.pdf",
        "priming", Duration.ofMinutes(5));
  }

  private URI presign(AwsCredentials credentials, String bucket, String key, String versionId, Duration validity) {
    S3Presigner.Builder presigner = S3Presigner.builder()
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    endpoint.ifPresent(uri -> presigner.endpointOverride(uri)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    try (S3Presigner signer = presigner.build()) {
      return signer.presignGetObject(request -> request
          .signatureDuration(validity)
          // The browser saves the report under its own name rather than opening it in the portal's tab.
          .getObjectRequest(get -> get.bucket(bucket).key(key).versionId(versionId)
              .responseContentDisposition("attachment; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\""))).url().toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the SDK presigned a URL that is no URI", e);
    }
  }

  /** Allows reading exactly this object (any version of it) and decrypting it through S3. */
  String sessionPolicy(String bucket, String key) {
    // The role's partition (aws, aws-cn, aws-us-gov) is the bucket's.
    String objectArn = "arn:" + downloadRoleArn.split(":")[1] + ":s3:::" + bucket + "/" + key;
    return """
        {"Version":"2012-10-17","Statement":[\
        {"Sid":"ThisReportOnly","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"%s"},\
        {"Sid":"DecryptThroughS3","Effect":"Allow","Action":"kms:Decrypt","Resource":"%s",\
        "Condition":{"StringEquals":{"kms:ViaService":"s3.%s.amazonaws.com"}}}]}"""
        .formatted(objectArn, reportsKeyArn, region.id());
  }
}
