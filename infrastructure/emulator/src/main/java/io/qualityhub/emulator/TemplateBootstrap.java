package io.qualityhub.emulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates on an AWS endpoint (normally the local emulator) the storage resources a SAM/CloudFormation
 * template declares: KMS keys and aliases, SQS queues and queue policies, S3 buckets and bucket
 * policies, DynamoDB tables, SNS topics, subscriptions and topic policies. Everything else (roles,
 * functions, log groups, alarms, schedules...) is listed as skipped; the environment variables of
 * the functions are resolved against the created resources so that local runs can use them.
 *
 * <p>Running it again against the same endpoint finds what the previous run created and returns the
 * same names: names are derived from the stack name and logical id, and KMS keys are found by their
 * alias (or by tags the bootstrap puts on them).
 */
public final class TemplateBootstrap {

    private final Template template;
    private final Map<String, String> parameters;
    private final String stackName;
    private final Region region;
    private final String accountId;
    private final Map<String, ResourceProvisioner> provisioners;
    private final Map<String, String> missingClients;
    private final boolean createMissing;

    private TemplateBootstrap(Builder builder) {
        this.createMissing = builder.createMissing;
        this.template = Template.parse(CloudFormationYaml.read(builder.template), builder.template.toString());
        this.parameters = Map.copyOf(builder.parameters);
        this.stackName = builder.stackName != null ? builder.stackName : defaultStackName(template, parameters);
        this.region = builder.region != null ? builder.region : regionOf(builder);
        this.accountId = builder.accountId;
        this.provisioners = new LinkedHashMap<>();
        this.missingClients = new LinkedHashMap<>();
        register(builder.kms == null ? null : new KmsProvisioner(builder.kms), "kms(KmsClient)",
                KmsProvisioner.KEY, KmsProvisioner.ALIAS);
        register(builder.sqs == null ? null : new SqsProvisioner(builder.sqs), "sqs(SqsClient)",
                SqsProvisioner.QUEUE, SqsProvisioner.QUEUE_POLICY);
        register(builder.s3 == null ? null : new S3Provisioner(builder.s3), "s3(S3Client)",
                S3Provisioner.BUCKET, S3Provisioner.BUCKET_POLICY);
        register(builder.dynamoDb == null ? null : new DynamoDbProvisioner(builder.dynamoDb), "dynamoDb(DynamoDbClient)",
                DynamoDbProvisioner.TABLE);
        register(builder.sns == null ? null : new SnsProvisioner(builder.sns), "sns(SnsClient)",
                SnsProvisioner.TOPIC, SnsProvisioner.SUBSCRIPTION, SnsProvisioner.TOPIC_POLICY);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates what is missing, brings existing resources to the template's settings, and returns
     * their names.
     *
     * @throws TemplateException when the template cannot be resolved
     * @throws BootstrapException when the endpoint refuses a resource or holds a clashing one
     */
    public Result apply() {
        StackIdentity stack = new StackIdentity(stackName, region.id(), accountId);
        return new BootstrapRun(template, parameters, stack, provisioners, missingClients, createMissing).run();
    }

    /** The stack name the resource names derive from, e.g. qualityhub-local. */
    public String stackName() {
        return stackName;
    }

    private void register(ResourceProvisioner provisioner, String builderMethod, String... types) {
        for (String type : types) {
            if (provisioner != null) {
                provisioners.put(type, provisioner);
            } else {
                missingClients.put(type, builderMethod);
            }
        }
    }

    private static String defaultStackName(Template template, Map<String, String> parameters) {
        if (!template.parameters().has("Stage")) {
            return "qualityhub-local";
        }
        return "qualityhub-" + IntrinsicResolver.parameterValues(template.parameters(), parameters).get("Stage").asText();
    }

    private static Region regionOf(Builder builder) {
        return Stream.of(builder.kms, builder.sqs, builder.s3, builder.dynamoDb, builder.sns)
                .filter(Objects::nonNull)
                .map(SdkClient::serviceClientConfiguration)
                .filter(AwsServiceClientConfiguration.class::isInstance)
                .map(configuration -> ((AwsServiceClientConfiguration) configuration).region())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(LocalEmulator.region());
    }

    /** What one {@link #apply()} created and resolved. */
    public record Result(
            Map<String, String> physicalIds,
            Map<String, Map<String, String>> attributes,
            Map<String, Map<String, String>> functionEnvironments,
            Map<String, ResolvedResource> resolvedResources,
            String accountId,
            List<Skipped> skipped,
            List<String> notes) {

        public Result {
            physicalIds = Map.copyOf(physicalIds);
            attributes = Map.copyOf(attributes);
            functionEnvironments = Map.copyOf(functionEnvironments);
            resolvedResources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolvedResources));
            skipped = List.copyOf(skipped);
            notes = List.copyOf(notes);
        }

        /** What {@code Fn::GetAtt [logicalId, attribute]} gives for a created resource. */
        public String attribute(String logicalId, String attribute) {
            Map<String, String> known = attributes.get(logicalId);
            if (known == null) {
                throw new IllegalArgumentException(logicalId + " is not a resource this bootstrap created. Created: "
                        + physicalIds.keySet() + ".");
            }
            String value = known.get(attribute);
            if (value == null) {
                throw new IllegalArgumentException(logicalId + " has no attribute " + attribute + "; it has " + known.keySet() + ".");
            }
            return value;
        }
    }

    /**
     * A resource whose properties grant, refuse or encrypt (functions, roles, policies, keys, buckets, queues,
     * topics, tables, log groups, and their resource policies), with every intrinsic function resolved to the
     * names and ARNs of this bootstrap (stand-ins for what it does not create): what a permission check reads.
     * {@code ref} is what Ref gives (a bucket's or table's name, a queue's URL, a topic's ARN, a key's id).
     * The properties are a copy; changing them changes nothing on the endpoint.
     */
    public record ResolvedResource(String type, String ref, java.util.Optional<String> arn, JsonNode properties) {

        public ResolvedResource {
            properties = properties.deepCopy();
        }

        @Override
        public JsonNode properties() {
            return properties.deepCopy();
        }
    }

    /** A resource of the template that was not created on the endpoint, and why. */
    public record Skipped(String logicalId, String type, String reason) {
    }

    public static final class Builder {
        private Path template;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String stackName;
        private Region region;
        private String accountId = StackIdentity.MOTO_ACCOUNT_ID;
        private S3Client s3;
        private SqsClient sqs;
        private DynamoDbClient dynamoDb;
        private KmsClient kms;
        private SnsClient sns;
        private boolean createMissing = true;

        private Builder() {
        }

        /**
         * With {@code false}, {@link #apply()} only finds what an earlier run created, with reads: it changes nothing
         * on the endpoint, and throws {@link ResourceMissingException} at the first resource missing.
         */
        public Builder createMissing(boolean createMissing) {
            this.createMissing = createMissing;
            return this;
        }

        public Builder template(Path template) {
            this.template = template;
            return this;
        }

        /** A value for a template parameter; parameters not given take their Default. */
        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** AWS::StackName and the prefix of generated names; defaults to qualityhub-{Stage parameter}. */
        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        /** AWS::Region; defaults to the region of the clients given. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** AWS::AccountId; defaults to moto's 123456789012. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder s3(S3Client s3) {
            this.s3 = s3;
            return this;
        }

        public Builder sqs(SqsClient sqs) {
            this.sqs = sqs;
            return this;
        }

        public Builder dynamoDb(DynamoDbClient dynamoDb) {
            this.dynamoDb = dynamoDb;
            return this;
        }

        public Builder kms(KmsClient kms) {
            this.kms = kms;
            return this;
        }

        public Builder sns(SnsClient sns) {
            this.sns = sns;
            return this;
        }

        /** Reads and checks the template. */
        public TemplateBootstrap build() {
            if (template == null) {
                throw new IllegalStateException("TemplateBootstrap needs a template: call template(Path) before build().");
            }
            return new TemplateBootstrap(this);
        }
    }
}
