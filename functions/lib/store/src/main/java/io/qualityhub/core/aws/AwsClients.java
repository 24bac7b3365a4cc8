package io.qualityhub.core.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK clients every function uses, all sharing one URL-connection HTTP client.
 *
 * <p>{@link #fromEnvironment()} leaves endpoint resolution to the SDK, which honours
 * {@code AWS_ENDPOINT_URL} and its per-service variants, so the same code runs on AWS, LocalStack
 * and moto. {@link #forEndpoint(URI, Region)} is for the local run and tests, which name the
 * emulator explicitly.
 */
public final class AwsClients {

  private static final String LOCAL_ACCESS_KEY = "qualityhub-local";

  private final SdkHttpClient httpClient;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Optional<URI> endpoint;
  private final boolean pathStyleS3;
  private final List<ExecutionInterceptor> interceptors;

  private AwsClients(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint, boolean pathStyleS3) {
    this(UrlConnectionHttpClient.builder().build(), region, credentials, endpoint, pathStyleS3, List.of());
  }

  private AwsClients(SdkHttpClient httpClient, Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint,
      boolean pathStyleS3, List<ExecutionInterceptor> interceptors) {
    this.httpClient = httpClient;
    this.region = region;
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.pathStyleS3 = pathStyleS3;
    this.interceptors = List.copyOf(interceptors);
  }

  /** The same clients with interceptors added: how benchmarks count requests and tests inject faults. */
  public AwsClients withInterceptors(ExecutionInterceptor... added) {
    List<ExecutionInterceptor> all = new java.util.ArrayList<>(interceptors);
    all.addAll(List.of(added));
    return new AwsClients(httpClient, region, credentials, endpoint, pathStyleS3, all);
  }

  /**
   * Clients configured the way the SDK configures itself: region, credentials and endpoints from the environment;
   * on Lambda with active tracing, each call traced.
   */
  public static AwsClients fromEnvironment() {
    boolean emulated = System.getenv("AWS_ENDPOINT_URL") != null || System.getenv("AWS_ENDPOINT_URL_S3") != null;
    AwsClients clients = new AwsClients(
        new DefaultAwsRegionProviderChain().getRegion(),
        DefaultCredentialsProvider.builder().build(),
        Optional.empty(),
        emulated);
    // With active tracing every SDK call becomes a subsegment of the function's trace (decision 0015).
    return SdkCallTracing.fromEnvironment().map(tracing -> clients.withInterceptors(tracing)).orElse(clients);
  }

  /**
   * Clients for an emulator at {@code endpoint}. Credentials come from the environment when set
   * (LocalStack and moto accept any), otherwise a fixed local pair, so a newcomer needs no AWS profile.
   */
  public static AwsClients forEndpoint(URI endpoint, Region region) {
    AwsCredentialsProvider credentials = System.getenv("AWS_ACCESS_KEY_ID") != null
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCAL_ACCESS_KEY, LOCAL_ACCESS_KEY));
    return new AwsClients(region, credentials, Optional.of(endpoint), true);
  }

  /**
   * Clients for an AWS account chosen as the AWS CLI chooses it: {@code profile} over {@code AWS_PROFILE},
   * {@code region} over {@code AWS_REGION} and the profile's own region; {@code endpoint} when an emulator stands
   * in for the account.
   */
  public static AwsClients forAccount(Optional<String> profile, Optional<Region> region, Optional<URI> endpoint) {
    DefaultCredentialsProvider.Builder credentials = DefaultCredentialsProvider.builder();
    DefaultAwsRegionProviderChain.Builder regions = DefaultAwsRegionProviderChain.builder();
    profile.ifPresent(name -> {
      credentials.profileName(name);
      regions.profileName(name);
    });
    Region chosen = region.orElseGet(() -> regions.build().getRegion());
    if (endpoint.isPresent() && profile.isEmpty() && System.getenv("AWS_ACCESS_KEY_ID") == null) {
      return forEndpoint(endpoint.get(), chosen);
    }
    return new AwsClients(chosen, credentials.build(), endpoint, endpoint.isPresent());
  }

  public Region region() {
    return region;
  }

  public Optional<URI> endpoint() {
    return endpoint;
  }

  public S3Client s3() {
    return configure(S3Client.builder()).forcePathStyle(pathStyleS3).build();
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder()).build();
  }

  public KmsClient kms() {
    return configure(KmsClient.builder()).build();
  }

  /** Applies the shared HTTP client, region, credentials and endpoint to any service builder. */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.region(region).credentialsProvider(credentials);
    endpoint.ifPresent(builder::endpointOverride);
    if (!interceptors.isEmpty()) {
      builder.overrideConfiguration(config -> interceptors.forEach(config::addExecutionInterceptor));
    }
    if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(httpClient);
    }
    return builder;
  }
}
