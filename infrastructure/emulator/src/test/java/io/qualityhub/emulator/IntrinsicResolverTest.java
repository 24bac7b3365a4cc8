package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class IntrinsicResolverTest {

    private static final String TEMPLATE = """
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
              Zones:
                Type: CommaDelimitedList
                Default: "a,b,c"
              Required:
                Type: String
            Mappings:
              Sizes:
                dev:
                  Memory: 512
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsDev: !Not [!Condition IsProd]
              DevAndSmall: !And [!Condition IsDev, !Equals [!FindInMap [Sizes, dev, Memory], '512']]
              ProdOrDev: !Or [!Condition IsProd, !Condition IsDev]
              Loop: !Not [!Condition Loop]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """;

    /** Resources answer Ref with "physical-{id}" and Fn::GetAtt with "{id}/{attribute}". */
    private static final IntrinsicResolver.References REFERENCES = new IntrinsicResolver.References() {
        @Override
        public JsonNode ref(String logicalId) {
            return Set.of("Queue", "Bucket").contains(logicalId) ? JsonNodeFactory.instance.textNode("physical-" + logicalId) : null;
        }

        @Override
        public String attribute(String logicalId, String attribute) {
            return logicalId + "/" + attribute;
        }
    };

    private static IntrinsicResolver resolver(Map<String, String> parameters) {
        Template template = Template.parse(CloudFormationYaml.read(TEMPLATE), "test");
        return new IntrinsicResolver(template, parameters, new StackIdentity("qualityhub-dev", "us-east-1", "123456789012"), REFERENCES);
    }

    private static JsonNode resolve(String yaml) {
        return resolve(yaml, Map.of("Required", "given"));
    }

    private static JsonNode resolve(String yaml, Map<String, String> parameters) {
        return resolver(parameters).resolve(CloudFormationYaml.read(yaml), "Test");
    }

    @Test
    void refGivesParametersPseudoParametersAndResources() {
        JsonNode resolved = resolve("""
                Stage: !Ref Stage
                Zones: !Ref Zones
                Account: !Ref AWS::AccountId
                Region: !Ref AWS::Region
                Stack: !Ref AWS::StackName
                Partition: !Ref AWS::Partition
                Suffix: !Ref AWS::URLSuffix
                Queue: !Ref Queue
                """);
        assertEquals("{\"Stage\":\"dev\",\"Zones\":[\"a\",\"b\",\"c\"],\"Account\":\"123456789012\",\"Region\":\"us-east-1\","
                + "\"Stack\":\"qualityhub-dev\",\"Partition\":\"aws\",\"Suffix\":\"amazonaws.com\",\"Queue\":\"physical-Queue\"}",
                resolved.toString());
    }

    @Test
    void givenParametersOverrideDefaults() {
        assertEquals("\"prod\"", resolve("A: !Ref Stage", Map.of("Stage", "prod", "Required", "x")).get("A").toString());
    }

    @Test
    void refusesAValueOutsideAllowedValues() {
        TemplateException error = assertThrows(TemplateException.class, () -> resolver(Map.of("Stage", "qa", "Required", "x")));
        assertEquals("Parameter Stage='qa' is not one of its AllowedValues [\"dev\",\"prod\"].", error.getMessage());
    }

    @Test
    void asksForAParameterThatHasNoDefault() {
        TemplateException error = assertThrows(TemplateException.class, () -> resolver(Map.of()));
        assertEquals("Parameter Required has no Default in the template and no value was given."
                + " Pass one with TemplateBootstrap.builder().parameter(\"Required\", value).", error.getMessage());
    }

    @Test
    void getAttAsksTheReferences() {
        assertEquals("\"Queue/Arn\"", resolve("A: !GetAtt Queue.Arn").get("A").toString());
        assertEquals("\"Table/Stream.Arn\"", resolve("A: !GetAtt Table.Stream.Arn").get("A").toString());
    }

    @Test
    void subReplacesParametersAttributesAndVariablesAndKeepsEscapedNames() {
        assertEquals("arn:aws:s3:::qualityhub-dev-us-east-1/Queue/Arn/${Literal}",
                resolve("A: !Sub 'arn:${AWS::Partition}:s3:::qualityhub-${Stage}-${AWS::Region}/${Queue.Arn}/${!Literal}'").get("A").asText());
        assertEquals("hello dev physical-Queue",
                resolve("A: !Sub ['${Greeting} ${Stage} ${Name}', {Greeting: hello, Name: !Ref Queue}]").get("A").asText());
    }

    @Test
    void joinSelectSplitFindInMapBase64AndGetAzs() {
        JsonNode resolved = resolve("""
                Join: !Join ['-', [a, !Ref Stage, 3]]
                Select: !Select [2, !Ref Zones]
                Split: !Split ['/', 'incoming/TPE-01/x.csv']
                Map: !FindInMap [Sizes, !Ref Stage, Memory]
                Base64: !Base64 qh
                Zones: !GetAZs ''
                """);
        assertEquals("{\"Join\":\"a-dev-3\",\"Select\":\"c\",\"Split\":[\"incoming\",\"TPE-01\",\"x.csv\"],\"Map\":512,"
                + "\"Base64\":\"cWg=\",\"Zones\":[\"us-east-1a\",\"us-east-1b\",\"us-east-1c\"]}", resolved.toString());
    }

    @Test
    void evaluatesConditions() {
        IntrinsicResolver resolver = resolver(Map.of("Required", "x"));
        assertFalse(resolver.condition("IsProd"));
        assertTrue(resolver.condition("IsDev"));
        assertTrue(resolver.condition("DevAndSmall"));
        assertTrue(resolver.condition("ProdOrDev"));
        IntrinsicResolver prod = resolver(Map.of("Stage", "prod", "Required", "x"));
        assertTrue(prod.condition("IsProd"));
        assertFalse(prod.condition("DevAndSmall"));
    }

    @Test
    void ifTakesOneBranchAndNoValueDropsThePropertyOrListItem() {
        JsonNode resolved = resolve("""
                Kept: !If [IsDev, dev-value, !Ref Missing]
                Dropped: !If [IsProd, prod-value, !Ref AWS::NoValue]
                List: [a, !If [IsProd, b, !Ref AWS::NoValue], c]
                """);
        assertEquals("{\"Kept\":\"dev-value\",\"List\":[\"a\",\"c\"]}", resolved.toString());
    }

    @Test
    void namesTheUnknownReferenceAndWhereItIs() {
        TemplateException error = assertThrows(TemplateException.class, () -> resolve("Outer:\n  Inner: [x, !Ref Nowhere]"));
        assertEquals("Test.Outer.Inner[1]: Ref Nowhere names no parameter, pseudo parameter or resource of the template.", error.getMessage());
    }

    @Test
    void refusesAConditionThatDependsOnItself() {
        TemplateException error = assertThrows(TemplateException.class, () -> resolver(Map.of("Required", "x")).condition("Loop"));
        assertEquals("Condition Loop refers to itself through [Loop].", error.getMessage());
    }

    @Test
    void refusesAnUnsupportedFunction() {
        TemplateException error = assertThrows(TemplateException.class, () -> resolve("A: !ImportValue shared-vpc"));
        assertTrue(error.getMessage().startsWith("Test.A: Fn::ImportValue is not supported by the local bootstrap."), error.getMessage());
    }

    /** Punctuation '!' to '/', which holds the regex metacharacters $ ( ) * + . that a split must treat literally. */
    private static final String DELIMITER_CHARS = charRange('!', '/');
    private static final String VALUE_CHARS = charRange('a', 'z') + charRange('A', 'Z') + DELIMITER_CHARS;
    private static final int MAX_DELIMITER_LENGTH = 3;
    private static final int MAX_VALUE_LENGTH = 40;

    /**
     * Empty values, values made only of delimiters or starting and ending with one, overlapping delimiters, regex
     * metacharacters and the longest delimiter and value; then seeded random cases so a failure reproduces.
     */
    static Stream<Arguments> delimitersAndValues() {
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("!", ""),
                Arguments.of("/#-", ""),
                Arguments.of("!", "!"),
                Arguments.of(",", ",,,"),
                Arguments.of("/", "/a/"),
                Arguments.of("!!", "!!!"),
                Arguments.of("!!", "!!!!!"),
                Arguments.of(".", "a.b..c."),
                Arguments.of("$(", "$($(x)$"),
                Arguments.of("*+", "a*+*+b+*"),
                Arguments.of("\"", "\"quoted\""),
                Arguments.of("-", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"),
                Arguments.of("!#/", "!#/".repeat(13) + "x"),
                Arguments.of("&", "&".repeat(MAX_VALUE_LENGTH))));
        Random random = new Random(20261101L);
        while (cases.size() < 1000) {
            String delimiter = randomString(random, DELIMITER_CHARS, 1 + random.nextInt(MAX_DELIMITER_LENGTH));
            cases.add(Arguments.of(delimiter, randomValue(random, delimiter)));
        }
        return cases.stream();
    }

    /** Up to 40 characters; a quarter of the steps add the delimiter itself, so most values have parts to cut. */
    private static String randomValue(Random random, String delimiter) {
        int length = random.nextInt(MAX_VALUE_LENGTH + 1);
        StringBuilder value = new StringBuilder();
        while (value.length() < length) {
            boolean delimiterFits = value.length() + delimiter.length() <= length;
            value.append(delimiterFits && random.nextInt(4) == 0 ? delimiter : randomString(random, VALUE_CHARS, 1));
        }
        return value.toString();
    }

    private static String randomString(Random random, String chars, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    private static String charRange(char from, char to) {
        StringBuilder chars = new StringBuilder();
        for (char c = from; c <= to; c++) {
            chars.append(c);
        }
        return chars.toString();
    }

    @ParameterizedTest(name = "{index}: split and join {1} on {0}")
    @MethodSource("delimitersAndValues")
    void joiningWhatSplitCutRestoresTheString(String delimiter, String value) {
        IntrinsicResolver resolver = resolver(Map.of("Required", "x"));
        JsonNode split = JsonNodeFactory.instance.objectNode().set("Fn::Split",
                JsonNodeFactory.instance.arrayNode().add(delimiter).add(value));
        JsonNode join = JsonNodeFactory.instance.objectNode().set("Fn::Join",
                JsonNodeFactory.instance.arrayNode().add(delimiter).add(split));
        assertEquals(value, resolver.resolve(join, "property").asText());

        // A split that never splits would pass the round trip above: the parts must hold no delimiter,
        // one more of them than the value has delimiters.
        JsonNode parts = resolver.resolve(split, "property");
        int delimiters = 0;
        for (int at = value.indexOf(delimiter); at >= 0; at = value.indexOf(delimiter, at + delimiter.length())) {
            delimiters++;
        }
        assertEquals(delimiters + 1, parts.size(), "parts of " + value);
        parts.forEach(part -> assertFalse(part.asText().contains(delimiter), "part " + part + " of " + value));
    }
}
