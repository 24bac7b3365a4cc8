package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class ScopedUrlSignerTest {

  @Test
  void theSessionPolicyAllowsReadingTheOneReportObjectAndDecryptingThroughS3Only() throws Exception {
    ScopedUrlSigner signer = new ScopedUrlSigner(null, "arn:aws-cn:iam::123456789012:role/report-download",
        "arn:aws-cn:kms:cn-north-1:123456789012:key/k-1", Region.CN_NORTH_1, Optional.empty());
    String policy = signer.sessionPolicy("qualityhub-prod-reports", "reports/2026-11/TPE-01/quality-report_2026-11_TPE-01.pdf");
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"ThisReportOnly","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion"],
           "Resource":"arn:aws-cn:s3:::qualityhub-prod-reports/reports/2026-11/TPE-01/quality-report_2026-11_TPE-01.pdf"},
          {"Sid":"DecryptThroughS3","Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws-cn:kms:cn-north-1:123456789012:key/k-1",
           "Condition":{"StringEquals":{"kms:ViaService":"s3.cn-north-1.amazonaws.com"}}}]}"""), json.readTree(policy));
  }
}
