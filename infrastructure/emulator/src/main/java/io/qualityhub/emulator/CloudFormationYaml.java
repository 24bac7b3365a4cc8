package io.qualityhub.emulator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a CloudFormation/SAM YAML template into a JSON tree, turning the short-form tags
 * ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub ...}) into the long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["X", "Arn"]}}, {@code {"Fn::Sub": ...}}) that the JSON syntax uses.
 */
public final class CloudFormationYaml {

    private static final Set<String> FUNCTION_TAGS = Set.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
            "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();

    private CloudFormationYaml() {
    }

    public static ObjectNode read(Path template) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return read(reader, template.toString());
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + template + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode read(String yaml) {
        try {
            return read(new StringReader(yaml), "(inline template)");
        } catch (IOException e) {
            throw new TemplateException("Cannot read inline template: " + e.getMessage(), e);
        }
    }

    private static ObjectNode read(Reader reader, String source) throws IOException {
        try (YAMLParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new TemplateException(source + " is not a CloudFormation template: its top level is not a mapping.");
            }
            return (ObjectNode) readValue(parser, source);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TemplateException(source + " is not valid YAML: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        }
    }

    /** Reads the value starting at the parser's current token, applying the tag it carries. */
    private static JsonNode readValue(YAMLParser parser, String source) throws IOException {
        String tag = parser.getTypeId();
        int line = parser.currentLocation().getLineNr();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, source);
            case START_ARRAY -> readArray(parser, source);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new TemplateException(source + " line " + line + ": unexpected YAML token " + parser.currentToken());
        };
        return tag == null ? value : longForm(tag, value, source, line);
    }

    private static ObjectNode readObject(YAMLParser parser, String source) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser, source));
        }
        return object;
    }

    private static ArrayNode readArray(YAMLParser parser, String source) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser, source));
        }
        return array;
    }

    private static JsonNode longForm(String tag, JsonNode value, String source, int line) {
        if (tag.equals("Ref") || tag.equals("Condition")) {
            return NODES.objectNode().set(tag, value);
        }
        if (tag.equals("GetAtt") && value.isTextual()) {
            // "!GetAtt Table.StreamArn" splits at the first dot only: attribute names may hold dots.
            String text = value.asText();
            int dot = text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw new TemplateException(source + " line " + line + ": !GetAtt " + text
                        + " must read LogicalId.Attribute, e.g. !GetAtt IntakeQueue.Arn.");
            }
            ArrayNode pair = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
            return NODES.objectNode().set("Fn::GetAtt", pair);
        }
        if (FUNCTION_TAGS.contains(tag)) {
            return NODES.objectNode().set("Fn::" + tag, value);
        }
        if (tag.startsWith("tag:yaml.org,2002:")) {
            return value;
        }
        throw new TemplateException(source + " line " + line + ": unknown tag !" + tag
                + ". CloudFormation knows !Ref, !Condition and !" + String.join(", !", FUNCTION_TAGS.stream().sorted().toList()) + ".");
    }
}
