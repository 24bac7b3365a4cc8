package io.qualityhub.emulator;

import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at a test's emulator. */
record EmulatorClients(S3Client s3, SqsClient sqs, DynamoDbClient dynamoDb, KmsClient kms, SnsClient sns) implements AutoCloseable {

    static EmulatorClients of(LocalEmulator emulator) {
        return of(emulator, operation -> { });
    }

    /** Clients that pass the name of each operation they call (e.g. "PutBucketPolicy") to {@code operations}. */
    static EmulatorClients of(LocalEmulator emulator, Consumer<String> operations) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        Region region = Region.US_EAST_1;
        ClientOverrideConfiguration recorded = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })
                .build();
        return new EmulatorClients(
                configured(S3Client.builder().forcePathStyle(true), emulator, region, credentials, recorded).build(),
                configured(SqsClient.builder(), emulator, region, credentials, recorded).build(),
                configured(DynamoDbClient.builder(), emulator, region, credentials, recorded).build(),
                configured(KmsClient.builder(), emulator, region, credentials, recorded).build(),
                configured(SnsClient.builder(), emulator, region, credentials, recorded).build());
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder,
            LocalEmulator emulator, Region region, AwsCredentialsProvider credentials, ClientOverrideConfiguration recorded) {
        return builder.endpointOverride(emulator.endpoint()).region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(recorded);
    }

    TemplateBootstrap.Builder bootstrap() {
        return TemplateBootstrap.builder().s3(s3).sqs(sqs).dynamoDb(dynamoDb).kms(kms).sns(sns);
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        dynamoDb.close();
        kms.close();
        sns.close();
    }
}
