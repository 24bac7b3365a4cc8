package io.qualityhub.emulator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** AWS::SQS::Queue and AWS::SQS::QueuePolicy. */
final class SqsProvisioner implements ResourceProvisioner {

    static final String QUEUE = "AWS::SQS::Queue";
    static final String QUEUE_POLICY = "AWS::SQS::QueuePolicy";

    /** Queue properties that are SQS attributes of the same name. */
    private static final List<String> PLAIN_ATTRIBUTES = List.of(
            "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds",
            "VisibilityTimeout", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled",
            "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");
    /** Queue properties that CloudFormation takes as JSON objects and SQS as JSON strings. */
    private static final List<String> DOCUMENT_ATTRIBUTES = List.of("RedrivePolicy", "RedriveAllowPolicy");
    private static final int MAX_QUEUE_NAME = 80;

    private final SqsClient sqs;

    SqsProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public Set<String> types() {
        return Set.of(QUEUE, QUEUE_POLICY);
    }

    @Override
    public Set<String> appliedProperties(String type) {
        if (type.equals(QUEUE_POLICY)) {
            return Set.of("Queues", "PolicyDocument");
        }
        Set<String> applied = new HashSet<>(PLAIN_ATTRIBUTES);
        applied.addAll(DOCUMENT_ATTRIBUTES);
        applied.addAll(List.of("QueueName", "Tags"));
        return applied;
    }

    @Override
    public Optional<ProvisionedResource> find(Request request) {
        if (!request.type().equals(QUEUE)) {
            return Optional.of(queuePolicyResource(request));
        }
        String name = queueName(request);
        return Optional.ofNullable(existingUrl(name)).map(url -> queueResource(url, name));
    }

    @Override
    public String describe(Request request) {
        return request.type().equals(QUEUE) ? "SQS queue " + queueName(request) : "queue policy " + request.logicalId();
    }

    private static String queueName(Request request) {
        boolean fifo = Json.bool(request.properties().get("FifoQueue"));
        String given = request.optionalText("QueueName");
        return given != null ? given
                : request.context().stack().generatedName(request.logicalId(), MAX_QUEUE_NAME - (fifo ? 5 : 0)) + (fifo ? ".fifo" : "");
    }

    @Override
    public ProvisionedResource provision(Request request) {
        return request.type().equals(QUEUE) ? queue(request) : queuePolicy(request);
    }

    private ProvisionedResource queue(Request request) {
        JsonNode properties = request.properties();
        String name = queueName(request);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : PLAIN_ATTRIBUTES) {
            if (properties.has(attribute)) {
                attributes.put(attribute, IntrinsicResolver.text(properties.get(attribute), request.where() + "." + attribute));
            }
        }
        for (String attribute : DOCUMENT_ATTRIBUTES) {
            if (properties.has(attribute)) {
                attributes.put(attribute, Json.document(properties.get(attribute), request.where() + "." + attribute));
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Json.list(properties.get("Tags")).forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));

        String existing = existingUrl(name);
        if (existing != null) {
            update(existing, attributes, tags);
        }
        String url = existing != null ? existing
                : sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes).tags(tags)).queueUrl();
        return queueResource(url, name);
    }

    private ProvisionedResource queueResource(String url, String name) {
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedResource(url, Map.of("Arn", arn, "QueueUrl", url, "QueueName", name));
    }

    private String existingUrl(String name) {
        try {
            return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException absent) {
            return null;
        }
    }

    private void update(String url, Map<String, String> attributes, Map<String, String> tags) {
        // FifoQueue is fixed at creation; SQS refuses to set it again.
        Map<String, String> changeable = new LinkedHashMap<>(attributes);
        changeable.remove("FifoQueue");
        if (!changeable.isEmpty()) {
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(changeable));
        }
        if (!tags.isEmpty()) {
            sqs.tagQueue(b -> b.queueUrl(url).tags(tags));
        }
    }

    private ProvisionedResource queuePolicy(Request request) {
        String policy = Json.document(request.required("PolicyDocument"), request.where() + ".PolicyDocument");
        for (JsonNode queue : Json.list(request.required("Queues"))) {
            sqs.setQueueAttributes(b -> b.queueUrl(queue.asText()).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        }
        return queuePolicyResource(request);
    }

    private static ProvisionedResource queuePolicyResource(Request request) {
        return new ProvisionedResource(request.context().stack().generatedName(request.logicalId(), 255), Map.of());
    }
}
