package io.qualityhub.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Evaluates CloudFormation intrinsic functions (Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::If and the
 * condition functions, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, Fn::GetAZs) in a long-form
 * JSON tree. Resources are looked up through {@link References}, so the caller decides what a
 * resource's Ref and attributes are.
 */
final class IntrinsicResolver {

    /** How Ref and Fn::GetAtt on a resource are answered. */
    interface References {
        /** The value of {@code Ref} on the resource, or null when the template has no such resource. */
        JsonNode ref(String logicalId);

        /** The value of {@code Fn::GetAtt [logicalId, attribute]}; throws {@link TemplateException} when unknown. */
        String attribute(String logicalId, String attribute);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST_PARAMETER = Pattern.compile("^(CommaDelimitedList|List<.*>|AWS::SSM::Parameter::Value<List<.*>>)$");

    private final Template template;
    private final StackIdentity stack;
    private final References references;
    private final Map<String, JsonNode> parameters;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> conditionsBeingEvaluated = new HashSet<>();

    IntrinsicResolver(Template template, Map<String, String> parameterValues, StackIdentity stack, References references) {
        this.template = template;
        this.stack = stack;
        this.references = references;
        this.parameters = parameterValues(template.parameters(), parameterValues);
    }

    /** Parameter values from the given overrides, else the template's defaults. */
    static Map<String, JsonNode> parameterValues(ObjectNode declared, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!declared.has(name)) {
                throw new TemplateException("Parameter " + name + " was given a value but the template declares no such parameter."
                        + " Declared: " + iterableToString(declared.fieldNames()) + ".");
            }
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        declared.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode declaration = entry.getValue();
            String value;
            if (given.containsKey(name)) {
                value = given.get(name);
            } else if (declaration.has("Default") && declaration.get("Default").isValueNode()) {
                value = declaration.get("Default").asText();
            } else {
                throw new TemplateException("Parameter " + name + " has no Default in the template and no value was given."
                        + " Pass one with TemplateBootstrap.builder().parameter(\"" + name + "\", value).");
            }
            JsonNode allowed = declaration.path("AllowedValues");
            if (allowed.isArray() && allowed.size() > 0 && !containsText(allowed, value)) {
                throw new TemplateException("Parameter " + name + "='" + value + "' is not one of its AllowedValues " + allowed + ".");
            }
            String type = declaration.path("Type").asText("String");
            values.put(name, LIST_PARAMETER.matcher(type).matches() ? splitToArray(",", value) : NODES.textNode(value));
        });
        return values;
    }

    /** The value of a declared parameter as resolved (override or default). */
    JsonNode parameter(String name) {
        return parameters.get(name);
    }

    /**
     * Resolves every intrinsic function in {@code node}. {@code where} names the place in the
     * template for error messages. A property resolving to {@code AWS::NoValue} is dropped; if the
     * whole node resolves to it, the result is a {@link MissingNode}.
     */
    JsonNode resolve(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.size() == 1) {
                Map.Entry<String, JsonNode> only = node.properties().iterator().next();
                if (isFunction(only.getKey(), only.getValue())) {
                    return function(only.getKey(), only.getValue(), where);
                }
            }
            ObjectNode resolved = NODES.objectNode();
            node.properties().forEach(entry -> {
                JsonNode value = resolve(entry.getValue(), where + "." + entry.getKey());
                if (!value.isMissingNode()) {
                    resolved.set(entry.getKey(), value);
                }
            });
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolve(node.get(i), where + "[" + i + "]");
                if (!value.isMissingNode()) {
                    resolved.add(value);
                }
            }
            return resolved;
        }
        return node;
    }

    /** Evaluates a named entry of the Conditions section. */
    boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = template.conditions().get(name);
        if (definition == null) {
            throw new TemplateException("Condition " + name + " is used but not defined in the Conditions section.");
        }
        if (!conditionsBeingEvaluated.add(name)) {
            throw new TemplateException("Condition " + name + " refers to itself through " + conditionsBeingEvaluated + ".");
        }
        JsonNode value = resolve(definition, "Conditions." + name);
        conditionsBeingEvaluated.remove(name);
        if (!value.isBoolean()) {
            throw new TemplateException("Condition " + name + " must evaluate to true or false, but evaluates to " + value + ".");
        }
        conditions.put(name, value.booleanValue());
        return value.booleanValue();
    }

    static boolean isFunction(String key, JsonNode argument) {
        return key.equals("Ref") || key.startsWith("Fn::") || (key.equals("Condition") && argument.isTextual());
    }

    private JsonNode function(String name, JsonNode argument, String where) {
        return switch (name) {
            case "Ref" -> ref(literalText(argument, "Ref", where), where);
            case "Condition" -> NODES.booleanNode(condition(argument.asText()));
            case "Fn::GetAtt" -> getAtt(argument, where);
            case "Fn::Sub" -> sub(argument, where);
            case "Fn::Join" -> join(argument, where);
            case "Fn::Select" -> select(argument, where);
            case "Fn::Split" -> {
                ArrayNode arguments = arguments(argument, 2, name, where);
                yield splitToArray(text(resolve(arguments.get(0), where), where), text(resolve(arguments.get(1), where), where));
            }
            case "Fn::FindInMap" -> findInMap(argument, where);
            case "Fn::If" -> {
                ArrayNode arguments = arguments(argument, 3, name, where);
                String condition = literalText(arguments.get(0), name, where);
                yield resolve(arguments.get(condition(condition) ? 1 : 2), where);
            }
            case "Fn::Equals" -> {
                ArrayNode arguments = arguments(argument, 2, name, where);
                yield NODES.booleanNode(comparable(resolve(arguments.get(0), where))
                        .equals(comparable(resolve(arguments.get(1), where))));
            }
            case "Fn::Not" -> NODES.booleanNode(!bool(arguments(argument, 1, name, where).get(0), where));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode operand : argument) {
                    all &= bool(operand, where);
                }
                yield NODES.booleanNode(all);
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode operand : argument) {
                    any |= bool(operand, where);
                }
                yield NODES.booleanNode(any);
            }
            case "Fn::Base64" -> NODES.textNode(Base64.getEncoder().encodeToString(
                    text(resolve(argument, where), where).getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs" -> NODES.arrayNode().add(stack.region() + "a").add(stack.region() + "b").add(stack.region() + "c");
            case "Fn::ToJsonString" -> NODES.textNode(toJson(resolve(argument, where), where));
            case "Fn::Length" -> {
                JsonNode list = resolve(argument, where);
                if (!list.isArray()) {
                    throw new TemplateException(where + ": Fn::Length needs a list, got " + list + ".");
                }
                yield NODES.numberNode(list.size());
            }
            default -> throw new TemplateException(where + ": " + name + " is not supported by the local bootstrap."
                    + " Supported: Ref, Condition, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap,"
                    + " Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Base64, Fn::GetAZs, Fn::ToJsonString, Fn::Length.");
        };
    }

    private JsonNode ref(String name, String where) {
        JsonNode parameter = parameters.get(name);
        if (parameter != null) {
            return parameter;
        }
        switch (name) {
            case "AWS::AccountId": return NODES.textNode(stack.accountId());
            case "AWS::Region": return NODES.textNode(stack.region());
            case "AWS::StackName": return NODES.textNode(stack.stackName());
            case "AWS::StackId": return NODES.textNode(stack.stackId());
            case "AWS::Partition": return NODES.textNode(StackIdentity.PARTITION);
            case "AWS::URLSuffix": return NODES.textNode(StackIdentity.URL_SUFFIX);
            case "AWS::NotificationARNs": return NODES.arrayNode();
            case "AWS::NoValue": return MissingNode.getInstance();
            default: break;
        }
        JsonNode resource = references.ref(name);
        if (resource == null) {
            throw new TemplateException(where + ": Ref " + name + " names no parameter, pseudo parameter or resource of the template.");
        }
        return resource;
    }

    private JsonNode getAtt(JsonNode argument, String where) {
        String logicalId;
        String attribute;
        if (argument.isTextual() && argument.asText().indexOf('.') > 0) {
            String text = argument.asText();
            logicalId = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else {
            ArrayNode arguments = arguments(argument, 2, "Fn::GetAtt", where);
            logicalId = literalText(arguments.get(0), "Fn::GetAtt", where);
            attribute = text(resolve(arguments.get(1), where), where);
        }
        return NODES.textNode(references.attribute(logicalId, attribute));
    }

    private JsonNode sub(JsonNode argument, String where) {
        String pattern;
        Map<String, String> variables = new HashMap<>();
        if (argument.isTextual()) {
            pattern = argument.asText();
        } else {
            ArrayNode arguments = arguments(argument, 2, "Fn::Sub", where);
            pattern = literalText(arguments.get(0), "Fn::Sub", where);
            if (!arguments.get(1).isObject()) {
                throw new TemplateException(where + ": the second argument of Fn::Sub must be a mapping of variable names to values.");
            }
            arguments.get(1).properties().forEach(entry ->
                    variables.put(entry.getKey(), text(resolve(entry.getValue(), where + ".Fn::Sub." + entry.getKey()), where)));
        }
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (true) {
            int start = pattern.indexOf("${", position);
            int end = start < 0 ? -1 : pattern.indexOf('}', start);
            if (end < 0) {
                out.append(pattern, position, pattern.length());
                return NODES.textNode(out.toString());
            }
            out.append(pattern, position, start);
            String name = pattern.substring(start + 2, end).strip();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(variables.get(name));
            } else if (name.indexOf('.') > 0) {
                out.append(references.attribute(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1)));
            } else {
                out.append(text(ref(name, where), where));
            }
            position = end + 1;
        }
    }

    private JsonNode join(JsonNode argument, String where) {
        ArrayNode arguments = arguments(argument, 2, "Fn::Join", where);
        String delimiter = literalText(arguments.get(0), "Fn::Join", where);
        JsonNode values = resolve(arguments.get(1), where);
        if (!values.isArray()) {
            throw new TemplateException(where + ": the second argument of Fn::Join must be a list, got " + values + ".");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(text(values.get(i), where));
        }
        return NODES.textNode(out.toString());
    }

    private JsonNode select(JsonNode argument, String where) {
        ArrayNode arguments = arguments(argument, 2, "Fn::Select", where);
        String indexText = text(resolve(arguments.get(0), where), where);
        JsonNode values = resolve(arguments.get(1), where);
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": the index of Fn::Select must be a number, got '" + indexText + "'.", e);
        }
        if (!values.isArray() || index < 0 || index >= values.size()) {
            throw new TemplateException(where + ": Fn::Select index " + index + " is outside the list " + values + ".");
        }
        return values.get(index);
    }

    private JsonNode findInMap(JsonNode argument, String where) {
        ArrayNode arguments = arguments(argument, 3, "Fn::FindInMap", where);
        String map = text(resolve(arguments.get(0), where), where);
        String first = text(resolve(arguments.get(1), where), where);
        String second = text(resolve(arguments.get(2), where), where);
        JsonNode value = template.mappings().path(map).path(first).path(second);
        if (value.isMissingNode()) {
            throw new TemplateException(where + ": Fn::FindInMap finds nothing at Mappings." + map + "." + first + "." + second + ".");
        }
        return value;
    }

    private boolean bool(JsonNode operand, String where) {
        JsonNode value = resolve(operand, where);
        if (!value.isBoolean()) {
            throw new TemplateException(where + ": a condition function needs true or false, got " + value + ".");
        }
        return value.booleanValue();
    }

    private static ArrayNode arguments(JsonNode argument, int count, String function, String where) {
        if (!argument.isArray() || argument.size() != count) {
            throw new TemplateException(where + ": " + function + " takes a list of " + count + " arguments, got " + argument + ".");
        }
        return (ArrayNode) argument;
    }

    private static String literalText(JsonNode node, String function, String where) {
        if (!node.isTextual()) {
            throw new TemplateException(where + ": " + function + " needs a literal name here, got " + node + ".");
        }
        return node.asText();
    }

    /** Scalars as CloudFormation turns them into strings: numbers and booleans by their text. */
    static String text(JsonNode node, String where) {
        if (node.isValueNode() && !node.isNull()) {
            return node.asText();
        }
        throw new TemplateException(where + ": expected a string, got " + (node.isMissingNode() ? "AWS::NoValue" : node.toString()) + ".");
    }

    private static String comparable(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String toJson(JsonNode node, String where) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new TemplateException(where + ": cannot write " + node + " as JSON.", e);
        }
    }

    private static ArrayNode splitToArray(String delimiter, String value) {
        ArrayNode parts = NODES.arrayNode();
        if (delimiter.isEmpty()) {
            parts.add(value);
            return parts;
        }
        for (String part : value.split(Pattern.quote(delimiter), -1)) {
            parts.add(TextNode.valueOf(part));
        }
        return parts;
    }

    private static boolean containsText(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String iterableToString(Iterator<String> names) {
        StringBuilder out = new StringBuilder();
        names.forEachRemaining(name -> out.append(out.isEmpty() ? "" : ", ").append(name));
        return out.isEmpty() ? "(none)" : out.toString();
    }
}
