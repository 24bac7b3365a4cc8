package io.qualityhub.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;

/** AWS::SNS::Topic (with inline subscriptions), AWS::SNS::Subscription and AWS::SNS::TopicPolicy. */
final class SnsProvisioner implements ResourceProvisioner {

    static final String TOPIC = "AWS::SNS::Topic";
    static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    static final String TOPIC_POLICY = "AWS::SNS::TopicPolicy";

    private static final List<String> TOPIC_ATTRIBUTES = List.of("DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication");
    private static final List<String> SUBSCRIPTION_ATTRIBUTES = List.of("RawMessageDelivery", "FilterPolicyScope");
    private static final List<String> SUBSCRIPTION_DOCUMENTS = List.of("FilterPolicy", "RedrivePolicy", "DeliveryPolicy");
    private static final int MAX_TOPIC_NAME = 256;

    private final SnsClient sns;

    SnsProvisioner(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Set<String> types() {
        return Set.of(TOPIC, SUBSCRIPTION, TOPIC_POLICY);
    }

    @Override
    public Set<String> appliedProperties(String type) {
        return switch (type) {
            case TOPIC -> Set.of("TopicName", "DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication", "Subscription", "Tags");
            case SUBSCRIPTION -> Set.of("TopicArn", "Protocol", "Endpoint", "RawMessageDelivery", "FilterPolicyScope",
                    "FilterPolicy", "RedrivePolicy", "DeliveryPolicy", "Region");
            default -> Set.of("Topics", "PolicyDocument");
        };
    }

    @Override
    public Optional<ProvisionedResource> find(Request request) {
        return switch (request.type()) {
            case TOPIC -> {
                String name = topicName(request);
                String arn = request.context().stack().arn("sns", name);
                try {
                    sns.getTopicAttributes(b -> b.topicArn(arn));
                    yield Optional.of(topicResource(arn, name));
                } catch (NotFoundException absent) {
                    yield Optional.empty();
                }
            }
            case SUBSCRIPTION -> {
                String topicArn = request.requiredText("TopicArn");
                String protocol = request.requiredText("Protocol");
                String endpoint = request.requiredText("Endpoint");
                yield sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                        .filter(subscription -> subscription.protocol().equals(protocol) && subscription.endpoint().equals(endpoint))
                        .findFirst()
                        .map(subscription -> new ProvisionedResource(subscription.subscriptionArn(), Map.of()));
            }
            default -> Optional.of(topicPolicyResource(request));
        };
    }

    @Override
    public String describe(Request request) {
        return switch (request.type()) {
            case TOPIC -> "SNS topic " + topicName(request);
            case SUBSCRIPTION -> "the " + request.requiredText("Protocol") + " subscription of " + request.requiredText("Endpoint")
                    + " to SNS topic " + request.requiredText("TopicArn");
            default -> "topic policy " + request.logicalId();
        };
    }

    private static String topicName(Request request) {
        boolean fifo = Json.bool(request.properties().get("FifoTopic"));
        String given = request.optionalText("TopicName");
        return given != null ? given
                : request.context().stack().generatedName(request.logicalId(), MAX_TOPIC_NAME - (fifo ? 5 : 0)) + (fifo ? ".fifo" : "");
    }

    @Override
    public ProvisionedResource provision(Request request) {
        return switch (request.type()) {
            case TOPIC -> topic(request);
            case SUBSCRIPTION -> subscription(request);
            default -> topicPolicy(request);
        };
    }

    private ProvisionedResource topic(Request request) {
        JsonNode properties = request.properties();
        String name = topicName(request);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : TOPIC_ATTRIBUTES) {
            if (properties.has(attribute)) {
                attributes.put(attribute, IntrinsicResolver.text(properties.get(attribute), request.where() + "." + attribute));
            }
        }
        List<Tag> tags = Json.list(properties.get("Tags")).stream()
                .map(tag -> Tag.builder().key(tag.path("Key").asText()).value(tag.path("Value").asText()).build())
                .toList();
        // CreateTopic answers with the existing topic's ARN when the name is taken, so it is safe to repeat.
        String arn = sns.createTopic(b -> b.name(name).attributes(attributes).tags(tags.isEmpty() ? null : tags)).topicArn();
        attributes.forEach((attribute, value) -> {
            if (!attribute.equals("FifoTopic")) {
                sns.setTopicAttributes(b -> b.topicArn(arn).attributeName(attribute).attributeValue(value));
            }
        });
        for (JsonNode subscription : Json.list(properties.get("Subscription"))) {
            sns.subscribe(b -> b.topicArn(arn).protocol(subscription.path("Protocol").asText())
                    .endpoint(subscription.path("Endpoint").asText()).returnSubscriptionArn(true));
        }
        return topicResource(arn, name);
    }

    private static ProvisionedResource topicResource(String arn, String name) {
        return new ProvisionedResource(arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    private ProvisionedResource subscription(Request request) {
        JsonNode properties = request.properties();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : SUBSCRIPTION_ATTRIBUTES) {
            if (properties.has(attribute)) {
                attributes.put(attribute, IntrinsicResolver.text(properties.get(attribute), request.where() + "." + attribute));
            }
        }
        for (String attribute : SUBSCRIPTION_DOCUMENTS) {
            if (properties.has(attribute)) {
                attributes.put(attribute, Json.document(properties.get(attribute), request.where() + "." + attribute));
            }
        }
        String topicArn = request.requiredText("TopicArn");
        String protocol = request.requiredText("Protocol");
        String endpoint = request.requiredText("Endpoint");
        // Subscribe answers with the existing subscription when topic, protocol and endpoint match.
        String arn = sns.subscribe(b -> b.topicArn(topicArn).protocol(protocol).endpoint(endpoint)
                .attributes(attributes.isEmpty() ? null : attributes).returnSubscriptionArn(true)).subscriptionArn();
        return new ProvisionedResource(arn, Map.of());
    }

    private ProvisionedResource topicPolicy(Request request) {
        String policy = Json.document(request.required("PolicyDocument"), request.where() + ".PolicyDocument");
        for (JsonNode topic : Json.list(request.required("Topics"))) {
            sns.setTopicAttributes(b -> b.topicArn(topic.asText()).attributeName("Policy").attributeValue(policy));
        }
        return topicPolicyResource(request);
    }

    private static ProvisionedResource topicPolicyResource(Request request) {
        return new ProvisionedResource(request.context().stack().generatedName(request.logicalId(), 255), Map.of());
    }
}
