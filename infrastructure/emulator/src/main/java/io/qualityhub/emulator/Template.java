package io.qualityhub.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sections of a parsed template the bootstrap reads, in long-form JSON. */
record Template(
        ObjectNode parameters,
        ObjectNode mappings,
        ObjectNode conditions,
        Map<String, Resource> resources,
        ObjectNode functionGlobals) {

    /** One entry of the Resources section. */
    record Resource(String logicalId, String type, ObjectNode properties, String condition, JsonNode definition) {
    }

    static Template parse(ObjectNode root, String source) {
        JsonNode resourcesNode = root.path("Resources");
        if (!resourcesNode.isObject() || resourcesNode.isEmpty()) {
            throw new TemplateException(source + " has no Resources section; it is not a CloudFormation template.");
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        resourcesNode.properties().forEach(entry -> resources.put(entry.getKey(), resource(entry.getKey(), entry.getValue(), source)));
        return new Template(
                section(root, "Parameters", source),
                section(root, "Mappings", source),
                section(root, "Conditions", source),
                Collections.unmodifiableMap(resources),
                root.path("Globals").path("Function").isObject()
                        ? (ObjectNode) root.path("Globals").path("Function")
                        : JsonNodeFactory.instance.objectNode());
    }

    private static ObjectNode section(ObjectNode root, String name, String source) {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new TemplateException(source + ": the " + name + " section must be a mapping.");
        }
        return (ObjectNode) node;
    }

    private static Resource resource(String logicalId, JsonNode definition, String source) {
        String type = definition.path("Type").asText("");
        if (!definition.isObject() || type.isEmpty()) {
            throw new TemplateException(source + ": resource " + logicalId + " has no Type.");
        }
        JsonNode properties = definition.path("Properties");
        ObjectNode propertiesObject = properties.isObject() ? (ObjectNode) properties : JsonNodeFactory.instance.objectNode();
        JsonNode condition = definition.path("Condition");
        return new Resource(logicalId, type, propertiesObject, condition.isTextual() ? condition.asText() : null, definition);
    }
}
