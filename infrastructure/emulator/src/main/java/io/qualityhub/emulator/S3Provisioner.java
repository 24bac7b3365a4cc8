package io.qualityhub.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockRule;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3KeyFilter;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;
import software.amazon.awssdk.services.s3.model.Transition;

/** AWS::S3::Bucket and AWS::S3::BucketPolicy. */
final class S3Provisioner implements ResourceProvisioner {

    static final String BUCKET = "AWS::S3::Bucket";
    static final String BUCKET_POLICY = "AWS::S3::BucketPolicy";
    static final String SECURE_TRANSPORT_KEY = "aws:SecureTransport";

    private final S3Client s3;

    S3Provisioner(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Set<String> types() {
        return Set.of(BUCKET, BUCKET_POLICY);
    }

    @Override
    public Set<String> appliedProperties(String type) {
        return type.equals(BUCKET)
                ? Set.of("BucketName", "VersioningConfiguration", "BucketEncryption", "PublicAccessBlockConfiguration",
                        "OwnershipControls", "LifecycleConfiguration", "NotificationConfiguration", "LoggingConfiguration",
                        "Tags", "ObjectLockEnabled", "ObjectLockConfiguration")
                : Set.of("Bucket", "PolicyDocument");
    }

    @Override
    public Optional<ProvisionedResource> find(Request request) {
        if (!request.type().equals(BUCKET)) {
            return Optional.of(new ProvisionedResource(request.requiredText("Bucket"), Map.of()));
        }
        String bucket = bucketName(request);
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return Optional.of(bucketResource(bucket, request.context().stack().region()));
        } catch (NoSuchBucketException absent) {
            return Optional.empty();
        }
    }

    @Override
    public String describe(Request request) {
        return request.type().equals(BUCKET) ? "S3 bucket " + bucketName(request)
                : "the policy of S3 bucket " + request.requiredText("Bucket");
    }

    private static String bucketName(Request request) {
        String name = request.optionalText("BucketName");
        return name != null ? name : request.context().stack().generatedBucketName(request.logicalId());
    }

    @Override
    public ProvisionedResource provision(Request request) {
        return request.type().equals(BUCKET) ? bucket(request) : bucketPolicy(request);
    }

    private ProvisionedResource bucket(Request request) {
        JsonNode properties = request.properties();
        StackIdentity stack = request.context().stack();
        String bucket = bucketName(request);
        createIfAbsent(bucket, stack.region(), Json.bool(properties.get("ObjectLockEnabled")));

        JsonNode versioning = properties.path("VersioningConfiguration");
        if (versioning.has("Status")) {
            s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(versioning.get("Status").asText())));
        }
        if (properties.has("BucketEncryption")) {
            List<ServerSideEncryptionRule> rules = new ArrayList<>();
            for (JsonNode rule : Json.list(properties.path("BucketEncryption").get("ServerSideEncryptionConfiguration"))) {
                JsonNode defaults = rule.path("ServerSideEncryptionByDefault");
                rules.add(ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(defaults.path("SSEAlgorithm").asText())
                                .kmsMasterKeyID(defaults.has("KMSMasterKeyID") ? defaults.get("KMSMasterKeyID").asText() : null))
                        .bucketKeyEnabled(rule.has("BucketKeyEnabled") ? Json.bool(rule.get("BucketKeyEnabled")) : null)
                        .build());
            }
            s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(rules)));
        }
        if (properties.has("PublicAccessBlockConfiguration")) {
            JsonNode block = properties.get("PublicAccessBlockConfiguration");
            s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(Json.bool(block.get("BlockPublicAcls")))
                    .blockPublicPolicy(Json.bool(block.get("BlockPublicPolicy")))
                    .ignorePublicAcls(Json.bool(block.get("IgnorePublicAcls")))
                    .restrictPublicBuckets(Json.bool(block.get("RestrictPublicBuckets")))));
        }
        if (properties.has("OwnershipControls")) {
            List<OwnershipControlsRule> rules = Json.list(properties.get("OwnershipControls").get("Rules")).stream()
                    .map(rule -> OwnershipControlsRule.builder()
                            .objectOwnership(ObjectOwnership.fromValue(rule.path("ObjectOwnership").asText())).build())
                    .toList();
            s3.putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(c -> c.rules(rules)));
        }
        if (properties.has("LifecycleConfiguration")) {
            BucketLifecycleConfiguration lifecycle = lifecycle(properties.get("LifecycleConfiguration"), request.where());
            s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(lifecycle));
        }
        if (properties.has("NotificationConfiguration")) {
            NotificationConfiguration notifications = notifications(properties.get("NotificationConfiguration"), request);
            s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(notifications));
        }
        if (properties.has("LoggingConfiguration")) {
            logging(bucket, properties.get("LoggingConfiguration"), request);
        }
        if (properties.has("ObjectLockConfiguration")) {
            objectLock(bucket, properties.get("ObjectLockConfiguration"), request.where());
        }
        if (properties.has("Tags")) {
            List<Tag> tags = Json.list(properties.get("Tags")).stream()
                    .map(tag -> Tag.builder().key(tag.path("Key").asText()).value(tag.path("Value").asText()).build())
                    .toList();
            s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tags)));
        }
        return bucketResource(bucket, stack.region());
    }

    private static ProvisionedResource bucketResource(String bucket, String region) {
        return new ProvisionedResource(bucket, Map.of(
                "Arn", "arn:" + StackIdentity.PARTITION + ":s3:::" + bucket,
                "DomainName", bucket + ".s3." + StackIdentity.URL_SUFFIX,
                "RegionalDomainName", bucket + ".s3." + region + "." + StackIdentity.URL_SUFFIX,
                "DualStackDomainName", bucket + ".s3.dualstack." + region + "." + StackIdentity.URL_SUFFIX,
                "WebsiteURL", "http://" + bucket + ".s3-website-" + region + "." + StackIdentity.URL_SUFFIX));
    }

    /**
     * Default retention as the template sets it; moto applies it to new object versions. Applied
     * only when it differs from the bucket's, because moto (unlike S3) refuses any change to the
     * lock configuration of a bucket that holds objects, and a second run finds reports there.
     */
    private void objectLock(String bucket, JsonNode configuration, String where) {
        JsonNode retention = configuration.path("Rule").path("DefaultRetention");
        String at = where + ".ObjectLockConfiguration.Rule.DefaultRetention";
        ObjectLockConfiguration wanted = ObjectLockConfiguration.builder()
                .objectLockEnabled(configuration.path("ObjectLockEnabled").asText("Enabled"))
                .rule(retention.isMissingNode() ? null : ObjectLockRule.builder()
                        .defaultRetention(d -> d.mode(retention.path("Mode").asText())
                                .years(Json.integer(retention.get("Years"), at))
                                .days(Json.integer(retention.get("Days"), at)))
                        .build())
                .build();
        if (!retentionOf(wanted).equals(retentionOf(currentObjectLock(bucket)))) {
            s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(wanted));
        }
    }

    /** Mode, years and days; moto reads back absent fields as 0. */
    private static String retentionOf(ObjectLockConfiguration configuration) {
        if (configuration == null || configuration.rule() == null || configuration.rule().defaultRetention() == null) {
            return "none";
        }
        var retention = configuration.rule().defaultRetention();
        return retention.modeAsString() + "/" + (retention.years() == null ? 0 : retention.years()) + "/"
                + (retention.days() == null ? 0 : retention.days());
    }

    private ObjectLockConfiguration currentObjectLock(String bucket) {
        try {
            return s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
        } catch (S3Exception none) {
            return null; // a bucket created without Object Lock has no configuration to read
        }
    }

    private void createIfAbsent(String bucket, String region, boolean objectLock) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException absent) {
            CreateBucketRequest.Builder create = CreateBucketRequest.builder().bucket(bucket);
            if (objectLock) {
                create.objectLockEnabledForBucket(true);
            }
            if (!Region.US_EAST_1.id().equals(region)) {
                create.createBucketConfiguration(c -> c.locationConstraint(region));
            }
            s3.createBucket(create.build());
        }
    }

    private static BucketLifecycleConfiguration lifecycle(JsonNode configuration, String where) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (JsonNode rule : Json.list(configuration.get("Rules"))) {
            String at = where + ".LifecycleConfiguration.Rules." + rule.path("Id").asText("?");
            LifecycleRule.Builder builder = LifecycleRule.builder()
                    .id(rule.has("Id") ? rule.get("Id").asText() : null)
                    .status(rule.path("Status").asText("Enabled"))
                    .filter(lifecycleFilter(rule));
            if (rule.has("ExpirationInDays") || rule.has("ExpiredObjectDeleteMarker")) {
                builder.expiration(LifecycleExpiration.builder()
                        .days(Json.integer(rule.get("ExpirationInDays"), at))
                        .expiredObjectDeleteMarker(rule.has("ExpiredObjectDeleteMarker") ? Json.bool(rule.get("ExpiredObjectDeleteMarker")) : null)
                        .build());
            }
            Integer noncurrentDays = rule.has("NoncurrentVersionExpirationInDays")
                    ? Json.integer(rule.get("NoncurrentVersionExpirationInDays"), at)
                    : Json.integer(rule.path("NoncurrentVersionExpiration").get("NoncurrentDays"), at);
            if (noncurrentDays != null) {
                Integer newer = Json.integer(rule.path("NoncurrentVersionExpiration").get("NewerNoncurrentVersions"), at);
                builder.noncurrentVersionExpiration(NoncurrentVersionExpiration.builder()
                        .noncurrentDays(noncurrentDays).newerNoncurrentVersions(newer).build());
            }
            List<Transition> transitions = new ArrayList<>();
            for (JsonNode transition : transitions(rule, "Transitions", "Transition")) {
                transitions.add(Transition.builder().storageClass(transition.path("StorageClass").asText())
                        .days(Json.integer(transition.get("TransitionInDays"), at)).build());
            }
            if (!transitions.isEmpty()) {
                builder.transitions(transitions);
            }
            List<NoncurrentVersionTransition> noncurrentTransitions = new ArrayList<>();
            for (JsonNode transition : transitions(rule, "NoncurrentVersionTransitions", "NoncurrentVersionTransition")) {
                noncurrentTransitions.add(NoncurrentVersionTransition.builder().storageClass(transition.path("StorageClass").asText())
                        .noncurrentDays(Json.integer(transition.get("TransitionInDays"), at)).build());
            }
            if (!noncurrentTransitions.isEmpty()) {
                builder.noncurrentVersionTransitions(noncurrentTransitions);
            }
            if (rule.has("AbortIncompleteMultipartUpload")) {
                builder.abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder()
                        .daysAfterInitiation(Json.integer(rule.get("AbortIncompleteMultipartUpload").get("DaysAfterInitiation"), at))
                        .build());
            }
            rules.add(builder.build());
        }
        return BucketLifecycleConfiguration.builder().rules(rules).build();
    }

    private static List<JsonNode> transitions(JsonNode rule, String plural, String singular) {
        List<JsonNode> all = new ArrayList<>(Json.list(rule.get(plural)));
        all.addAll(Json.list(rule.get(singular)));
        return all;
    }

    private static LifecycleRuleFilter lifecycleFilter(JsonNode rule) {
        String prefix = rule.has("Prefix") ? rule.get("Prefix").asText() : null;
        List<Tag> tags = Json.list(rule.get("TagFilters")).stream()
                .map(tag -> Tag.builder().key(tag.path("Key").asText()).value(tag.path("Value").asText()).build())
                .toList();
        if (tags.isEmpty()) {
            return LifecycleRuleFilter.builder().prefix(prefix == null ? "" : prefix).build();
        }
        if (prefix == null && tags.size() == 1) {
            return LifecycleRuleFilter.builder().tag(tags.get(0)).build();
        }
        return LifecycleRuleFilter.builder().and(LifecycleRuleAndOperator.builder().prefix(prefix).tags(tags).build()).build();
    }

    private static NotificationConfiguration notifications(JsonNode configuration, Request request) {
        NotificationConfiguration.Builder builder = NotificationConfiguration.builder();
        List<QueueConfiguration> queues = new ArrayList<>();
        for (JsonNode queue : Json.list(configuration.get("QueueConfigurations"))) {
            queues.add(QueueConfiguration.builder()
                    .queueArn(queue.path("Queue").asText())
                    .eventsWithStrings(queue.path("Event").asText())
                    .filter(notificationFilter(queue.get("Filter")))
                    .build());
        }
        builder.queueConfigurations(queues);
        List<TopicConfiguration> topics = new ArrayList<>();
        for (JsonNode topic : Json.list(configuration.get("TopicConfigurations"))) {
            topics.add(TopicConfiguration.builder()
                    .topicArn(topic.path("Topic").asText())
                    .eventsWithStrings(topic.path("Event").asText())
                    .filter(notificationFilter(topic.get("Filter")))
                    .build());
        }
        builder.topicConfigurations(topics);
        if (!Json.list(configuration.get("LambdaConfigurations")).isEmpty()) {
            request.context().note(request.where() + ": LambdaConfigurations left out: functions are not deployed to the emulator.");
        }
        if (Json.bool(configuration.path("EventBridgeConfiguration").get("EventBridgeEnabled"))) {
            builder.eventBridgeConfiguration(EventBridgeConfiguration.builder().build());
        }
        return builder.build();
    }

    private static NotificationConfigurationFilter notificationFilter(JsonNode filter) {
        if (filter == null || !filter.has("S3Key")) {
            return null;
        }
        List<FilterRule> rules = Json.list(filter.get("S3Key").get("Rules")).stream()
                .map(rule -> FilterRule.builder()
                        .name(rule.path("Name").asText().toLowerCase(Locale.ROOT))
                        .value(rule.path("Value").asText())
                        .build())
                .toList();
        return NotificationConfigurationFilter.builder().key(S3KeyFilter.builder().filterRules(rules).build()).build();
    }

    private void logging(String bucket, JsonNode logging, Request request) {
        String target = logging.path("DestinationBucketName").asText(bucket);
        String prefix = logging.path("LogFilePrefix").asText("");
        try {
            s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket(target).targetPrefix(prefix))));
        } catch (S3Exception e) {
            if (!"InvalidTargetBucketForLogging".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            request.context().note(request.where() + ": LoggingConfiguration left out: the emulator refused the target bucket "
                    + target + " (" + e.awsErrorDetails().errorMessage() + ").");
        }
    }

    /**
     * Applies the policy without its conditional Deny statements. moto 5.2.1 evaluates bucket
     * policies but ignores their conditions (documented on its put_bucket_policy; measured: "deny
     * unless SSE-KMS" denies an SSE-KMS upload), so a conditional Deny denies every matching request;
     * and it serves plain HTTP, so "deny unless TLS" could never pass anyway. The statements stay in
     * template.yaml and are checked there.
     */
    private ProvisionedResource bucketPolicy(Request request) {
        String bucket = request.requiredText("Bucket");
        JsonNode document = request.required("PolicyDocument");
        ObjectNode policy = (document.isTextual() ? Json.parse(document.asText(), request.where()) : document).deepCopy();
        ArrayNode kept = policy.arrayNode();
        int index = 0;
        for (JsonNode statement : Json.list(policy.get("Statement"))) {
            if (isConditionalDeny(statement)) {
                request.context().note(request.where() + ": statement " + statement.path("Sid").asText("#" + index)
                        + " left out: moto cannot evaluate the conditions of a Deny"
                        + (testsSecureTransport(statement) ? " and serves plain HTTP." : "."));
            } else {
                kept.add(statement);
            }
            index++;
        }
        if (kept.isEmpty()) {
            request.context().note(request.where() + ": no statement is left, so bucket " + bucket + " gets no policy.");
            // A policy an earlier run put from an older template must not linger.
            s3.deleteBucketPolicy(b -> b.bucket(bucket));
        } else {
            policy.set("Statement", kept);
            String json = Json.document(policy, request.where());
            s3.putBucketPolicy(b -> b.bucket(bucket).policy(json));
        }
        return new ProvisionedResource(bucket, Map.of());
    }

    static boolean isConditionalDeny(JsonNode statement) {
        return "Deny".equals(statement.path("Effect").asText()) && statement.path("Condition").size() > 0;
    }

    static boolean testsSecureTransport(JsonNode statement) {
        JsonNode condition = statement.path("Condition");
        for (JsonNode operator : condition) {
            for (var keys = operator.fieldNames(); keys.hasNext(); ) {
                if (keys.next().equalsIgnoreCase(SECURE_TRANSPORT_KEY)) {
                    return true;
                }
            }
        }
        return false;
    }
}
