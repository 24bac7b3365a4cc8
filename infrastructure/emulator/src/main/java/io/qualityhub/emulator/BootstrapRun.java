package io.qualityhub.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.exception.SdkException;

/** One application of a template: creates the supported resources in order and answers references to them. */
final class BootstrapRun implements IntrinsicResolver.References, ResourceProvisioner.Context {

    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Serverless::Function", "AWS::Lambda::Function");
    private static final String SAM_FUNCTION = "AWS::Serverless::Function";
    private static final String IAM_ROLE = "AWS::IAM::Role";
    /** The types whose properties say who may do what, and which key encrypts what: kept resolved for permission checks. */
    private static final Set<String> PERMISSION_TYPES = Set.of(SAM_FUNCTION, "AWS::Lambda::Function", IAM_ROLE,
            "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", KmsProvisioner.KEY, KmsProvisioner.ALIAS,
            S3Provisioner.BUCKET, S3Provisioner.BUCKET_POLICY, SqsProvisioner.QUEUE, SqsProvisioner.QUEUE_POLICY,
            SnsProvisioner.TOPIC, SnsProvisioner.TOPIC_POLICY, DynamoDbProvisioner.TABLE, "AWS::Logs::LogGroup");

    private final Template template;
    private final StackIdentity stack;
    private final Map<String, ResourceProvisioner> provisioners;
    private final Map<String, String> missingClients;
    private final boolean createMissing;
    private final IntrinsicResolver resolver;
    private final Map<String, ProvisionedResource> provisioned = new LinkedHashMap<>();
    private final List<TemplateBootstrap.Skipped> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BootstrapRun(Template template, Map<String, String> parameters, StackIdentity stack,
            Map<String, ResourceProvisioner> provisioners, Map<String, String> missingClients, boolean createMissing) {
        this.template = template;
        this.createMissing = createMissing;
        this.stack = stack;
        this.provisioners = provisioners;
        this.missingClients = missingClients;
        this.resolver = new IntrinsicResolver(template, parameters, stack, this);
    }

    TemplateBootstrap.Result run() {
        Set<String> toCreate = new LinkedHashSet<>();
        for (Template.Resource resource : template.resources().values()) {
            if (!active(resource)) {
                skipped.add(new TemplateBootstrap.Skipped(resource.logicalId(), resource.type(),
                        "condition " + resource.condition() + " is false"));
            } else if (provisioners.containsKey(resource.type())) {
                toCreate.add(resource.logicalId());
            } else if (missingClients.containsKey(resource.type())) {
                throw new IllegalStateException("The template declares " + resource.logicalId() + " (" + resource.type()
                        + ") but TemplateBootstrap was built without the client it needs: call " + missingClients.get(resource.type())
                        + " on the builder.");
            } else {
                skipped.add(new TemplateBootstrap.Skipped(resource.logicalId(), resource.type(), FUNCTION_TYPES.contains(resource.type())
                        ? "functions are not deployed to the emulator; their environment is in functionEnvironments()"
                        : "the local bootstrap does not create this type"));
            }
        }
        for (String logicalId : DependencyOrder.of(template, toCreate)) {
            provision(template.resources().get(logicalId));
        }
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (Template.Resource resource : template.resources().values()) {
            if (FUNCTION_TYPES.contains(resource.type()) && active(resource)) {
                environments.put(resource.logicalId(), environment(resource));
            }
        }
        Map<String, TemplateBootstrap.ResolvedResource> resolved = new LinkedHashMap<>();
        for (Template.Resource resource : template.resources().values()) {
            if (PERMISSION_TYPES.contains(resource.type()) && active(resource)) {
                resolved.put(resource.logicalId(), new TemplateBootstrap.ResolvedResource(resource.type(),
                        ref(resource.logicalId()).asText(), arn(resource),
                        resolver.resolve(resource.properties(), "Resources." + resource.logicalId() + ".Properties")));
            }
        }
        Map<String, String> physicalIds = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        provisioned.forEach((logicalId, resource) -> {
            physicalIds.put(logicalId, resource.physicalId());
            attributes.put(logicalId, resource.attributes());
        });
        return new TemplateBootstrap.Result(physicalIds, attributes, environments, resolved, stack.accountId(), skipped, notes);
    }

    /** The resource's ARN as Fn::GetAtt gives it, where it has one. */
    private java.util.Optional<String> arn(Template.Resource resource) {
        ProvisionedResource created = provisioned.get(resource.logicalId());
        if (created != null) {
            return java.util.Optional.ofNullable(created.attributes().get("Arn"));
        }
        return java.util.Optional.of(standInAttribute(resource, "Arn"));
    }

    private void provision(Template.Resource resource) {
        String where = "Resources." + resource.logicalId() + ".Properties";
        JsonNode properties = resolver.resolve(resource.properties(), where);
        ResourceProvisioner provisioner = provisioners.get(resource.type());
        Set<String> applied = provisioner.appliedProperties(resource.type());
        properties.fieldNames().forEachRemaining(property -> {
            if (!applied.contains(property)) {
                note(resource.logicalId() + " (" + resource.type() + "): " + property + " is not applied by the local bootstrap.");
            }
        });
        ResourceProvisioner.Request request = new ResourceProvisioner.Request(resource.logicalId(), resource.type(), properties, this);
        try {
            provisioned.put(resource.logicalId(), createMissing ? provisioner.provision(request)
                    : provisioner.find(request).orElseThrow(() -> new ResourceMissingException(
                            stack.stackName(), resource.logicalId(), provisioner.describe(request))));
        } catch (SdkException e) {
            throw new BootstrapException("The endpoint refused " + resource.logicalId() + " (" + resource.type() + "): "
                    + e.getMessage(), e);
        }
    }

    /** SAM merges Globals.Function.Environment.Variables under each function's own. */
    private Map<String, String> environment(Template.Resource function) {
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        if (function.type().equals(SAM_FUNCTION) && template.functionGlobals().path("Environment").path("Variables").isObject()) {
            variables.setAll((ObjectNode) template.functionGlobals().path("Environment").path("Variables"));
        }
        JsonNode own = function.properties().path("Environment").path("Variables");
        if (own.isObject()) {
            variables.setAll((ObjectNode) own);
        }
        String where = "Resources." + function.logicalId() + ".Properties.Environment.Variables";
        JsonNode resolved = resolver.resolve(variables, where);
        Map<String, String> environment = new LinkedHashMap<>();
        resolved.properties().forEach(entry ->
                environment.put(entry.getKey(), IntrinsicResolver.text(entry.getValue(), where + "." + entry.getKey())));
        return environment;
    }

    private boolean active(Template.Resource resource) {
        return resource.condition() == null || resolver.condition(resource.condition());
    }

    @Override
    public JsonNode ref(String logicalId) {
        ProvisionedResource created = provisioned.get(logicalId);
        if (created != null) {
            return JsonNodeFactory.instance.textNode(created.physicalId());
        }
        Template.Resource resource = notCreated(logicalId);
        return resource == null ? null : JsonNodeFactory.instance.textNode(standInName(resource));
    }

    @Override
    public String attribute(String logicalId, String attribute) {
        ProvisionedResource created = provisioned.get(logicalId);
        if (created != null) {
            String value = created.attributes().get(attribute);
            if (value == null) {
                throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + ": the local bootstrap knows only "
                        + new TreeSet<>(created.attributes().keySet()) + " for this resource.");
            }
            return value;
        }
        Template.Resource resource = notCreated(logicalId);
        if (resource == null) {
            throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + " names no resource of the template.");
        }
        return standInAttribute(resource, attribute);
    }

    /**
     * A resource that is referred to but not created: one of a skipped type, or the role SAM
     * generates for a function. Returns null when the template has no such resource.
     */
    private Template.Resource notCreated(String logicalId) {
        Template.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            return samGeneratedRole(logicalId);
        }
        if (!active(resource)) {
            throw new TemplateException(logicalId + " is referred to but not created, because its condition "
                    + resource.condition() + " is false. Guard the reference with Fn::If on the same condition.");
        }
        if (provisioners.containsKey(resource.type())) {
            throw new TemplateException(logicalId + " is referred to before it exists; add it to DependsOn of the resource referring to it.");
        }
        return resource;
    }

    private Template.Resource samGeneratedRole(String logicalId) {
        if (!logicalId.endsWith("Role")) {
            return null;
        }
        Template.Resource function = template.resources().get(logicalId.substring(0, logicalId.length() - "Role".length()));
        if (function == null || !function.type().equals(SAM_FUNCTION) || function.properties().has("Role")) {
            return null;
        }
        return new Template.Resource(logicalId, IAM_ROLE, JsonNodeFactory.instance.objectNode(), null, JsonNodeFactory.instance.objectNode());
    }

    /** What Ref of a resource that is not created stands for: its declared name, else a generated one. */
    private String standInName(Template.Resource resource) {
        String nameProperty = StandIns.nameProperty(resource.type());
        JsonNode declared = nameProperty == null ? null : resource.properties().get(nameProperty);
        if (declared != null) {
            JsonNode resolved = resolver.resolve(declared, "Resources." + resource.logicalId() + ".Properties." + nameProperty);
            if (resolved.isValueNode()) {
                return resolved.asText();
            }
        }
        return stack.generatedName(resource.logicalId(), 64);
    }

    private String standInAttribute(Template.Resource resource, String attribute) {
        return StandIns.attribute(resource.type(), standInName(resource), attribute, stack);
    }

    @Override
    public StackIdentity stack() {
        return stack;
    }

    @Override
    public List<String> aliasNamesOf(String keyLogicalId) {
        List<String> names = new ArrayList<>();
        for (Template.Resource resource : template.resources().values()) {
            if (!resource.type().equals(KmsProvisioner.ALIAS) || !active(resource)) {
                continue;
            }
            Set<String> targets = new LinkedHashSet<>();
            DependencyOrder.collect(resource.properties().path("TargetKeyId"), targets);
            if (targets.contains(keyLogicalId)) {
                String where = "Resources." + resource.logicalId() + ".Properties.AliasName";
                names.add(IntrinsicResolver.text(resolver.resolve(resource.properties().path("AliasName"), where), where));
            }
        }
        return names;
    }

    @Override
    public void note(String adaptation) {
        notes.add(adaptation);
    }
}
