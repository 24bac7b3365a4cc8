package io.qualityhub.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/** AWS::KMS::Key and AWS::KMS::Alias. */
final class KmsProvisioner implements ResourceProvisioner {

    static final String KEY = "AWS::KMS::Key";
    static final String ALIAS = "AWS::KMS::Alias";

    /** Tags that let a later run find a key that has no alias; KMS reserves the aws: prefix CloudFormation uses. */
    static final String STACK_TAG = "qualityhub:stack-name";
    static final String LOGICAL_ID_TAG = "qualityhub:logical-id";

    private final KmsClient kms;

    KmsProvisioner(KmsClient kms) {
        this.kms = kms;
    }

    @Override
    public Set<String> types() {
        return Set.of(KEY, ALIAS);
    }

    @Override
    public Set<String> appliedProperties(String type) {
        // PendingWindowInDays matters only when the stack deletes the key, which the bootstrap never does.
        return type.equals(KEY)
                ? Set.of("Description", "KeyPolicy", "KeyUsage", "KeySpec", "EnableKeyRotation", "RotationPeriodInDays",
                        "MultiRegion", "Tags", "PendingWindowInDays")
                : Set.of("AliasName", "TargetKeyId");
    }

    @Override
    public Optional<ProvisionedResource> find(Request request) {
        if (request.type().equals(KEY)) {
            return existingKey(request).map(KmsProvisioner::keyResource);
        }
        String aliasName = request.requiredText("AliasName");
        try {
            kms.describeKey(b -> b.keyId(aliasName));
            return Optional.of(new ProvisionedResource(aliasName, Map.of()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public String describe(Request request) {
        if (!request.type().equals(KEY)) {
            return "KMS alias " + request.requiredText("AliasName");
        }
        List<String> aliases = request.context().aliasNamesOf(request.logicalId());
        return "KMS key " + request.logicalId() + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")");
    }

    private Optional<KeyMetadata> existingKey(Request request) {
        return findByAlias(request.context().aliasNamesOf(request.logicalId()))
                .or(() -> findByTags(request.context().stack().stackName(), request.logicalId()));
    }

    private static ProvisionedResource keyResource(KeyMetadata key) {
        return new ProvisionedResource(key.keyId(), Map.of("Arn", key.arn(), "KeyId", key.keyId()));
    }

    @Override
    public ProvisionedResource provision(Request request) {
        return request.type().equals(KEY) ? key(request) : alias(request);
    }

    private ProvisionedResource key(Request request) {
        JsonNode properties = request.properties();
        KeyMetadata key = existingKey(request).orElseGet(() -> create(request));
        if (properties.has("KeyPolicy")) {
            kms.putKeyPolicy(b -> b.keyId(key.keyId()).policyName("default")
                    .policy(Json.document(properties.get("KeyPolicy"), request.where() + ".KeyPolicy")));
        }
        boolean rotate = Json.bool(properties.get("EnableKeyRotation"));
        if (rotate) {
            Integer period = Json.integer(properties.get("RotationPeriodInDays"), request.where() + ".RotationPeriodInDays");
            kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(period));
        } else if (kms.getKeyRotationStatus(b -> b.keyId(key.keyId())).keyRotationEnabled()) {
            kms.disableKeyRotation(b -> b.keyId(key.keyId()));
        }
        return keyResource(key);
    }

    private Optional<KeyMetadata> findByAlias(List<String> aliasNames) {
        for (String aliasName : aliasNames) {
            try {
                KeyMetadata key = kms.describeKey(b -> b.keyId(aliasName)).keyMetadata();
                if (usable(key)) {
                    return Optional.of(key);
                }
            } catch (NotFoundException absent) {
                // This alias was not created yet; try the next one.
            }
        }
        return Optional.empty();
    }

    private Optional<KeyMetadata> findByTags(String stackName, String logicalId) {
        for (KeyListEntry entry : kms.listKeysPaginator(b -> { }).keys()) {
            List<Tag> tags = kms.listResourceTags(b -> b.keyId(entry.keyId())).tags();
            boolean ours = tags.stream().anyMatch(t -> t.tagKey().equals(STACK_TAG) && t.tagValue().equals(stackName))
                    && tags.stream().anyMatch(t -> t.tagKey().equals(LOGICAL_ID_TAG) && t.tagValue().equals(logicalId));
            if (ours) {
                KeyMetadata key = kms.describeKey(b -> b.keyId(entry.keyId())).keyMetadata();
                if (usable(key)) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean usable(KeyMetadata key) {
        return key.keyState() != KeyState.PENDING_DELETION && key.keyState() != KeyState.PENDING_REPLICA_DELETION;
    }

    private KeyMetadata create(Request request) {
        JsonNode properties = request.properties();
        List<Tag> tags = new ArrayList<>();
        for (JsonNode tag : Json.list(properties.get("Tags"))) {
            tags.add(Tag.builder().tagKey(tag.path("Key").asText()).tagValue(tag.path("Value").asText()).build());
        }
        tags.add(Tag.builder().tagKey(STACK_TAG).tagValue(request.context().stack().stackName()).build());
        tags.add(Tag.builder().tagKey(LOGICAL_ID_TAG).tagValue(request.logicalId()).build());
        CreateKeyRequest.Builder create = CreateKeyRequest.builder()
                .description(request.optionalText("Description"))
                .keyUsage(request.optionalText("KeyUsage"))
                .keySpec(request.optionalText("KeySpec"))
                .multiRegion(properties.has("MultiRegion") ? Json.bool(properties.get("MultiRegion")) : null)
                .tags(tags);
        if (properties.has("KeyPolicy")) {
            create.policy(Json.document(properties.get("KeyPolicy"), request.where() + ".KeyPolicy"));
        }
        return kms.createKey(create.build()).keyMetadata();
    }

    private ProvisionedResource alias(Request request) {
        String aliasName = request.requiredText("AliasName");
        String target = request.requiredText("TargetKeyId");
        if (!aliasName.startsWith("alias/")) {
            throw new TemplateException(request.where() + ": AliasName '" + aliasName + "' must start with alias/.");
        }
        try {
            KeyMetadata current = kms.describeKey(b -> b.keyId(aliasName)).keyMetadata();
            if (!target.equals(current.keyId()) && !target.equals(current.arn())) {
                kms.updateAlias(b -> b.aliasName(aliasName).targetKeyId(target));
            }
        } catch (NotFoundException absent) {
            kms.createAlias(b -> b.aliasName(aliasName).targetKeyId(target));
        }
        return new ProvisionedResource(aliasName, Map.of());
    }
}
