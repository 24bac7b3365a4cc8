package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CloudFormationYamlTest {

    @Test
    void readsShortFormTagsAsTheLongForm() {
        JsonNode longForm = CloudFormationYaml.read("""
                A: !Ref Stage
                B: !GetAtt Table.StreamArn
                C: !GetAtt [Queue, Arn]
                D: !Sub 'x-${Stage}'
                E: !If [IsProd, !Ref 'AWS::NoValue', !Join ['', [a, b]]]
                F: !Condition IsProd
                G: !Select [0, !Split [',', 'a,b']]
                """);
        assertEquals("{\"A\":{\"Ref\":\"Stage\"},"
                + "\"B\":{\"Fn::GetAtt\":[\"Table\",\"StreamArn\"]},"
                + "\"C\":{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]},"
                + "\"D\":{\"Fn::Sub\":\"x-${Stage}\"},"
                + "\"E\":{\"Fn::If\":[\"IsProd\",{\"Ref\":\"AWS::NoValue\"},{\"Fn::Join\":[\"\",[\"a\",\"b\"]]}]},"
                + "\"F\":{\"Condition\":\"IsProd\"},"
                + "\"G\":{\"Fn::Select\":[0,{\"Fn::Split\":[\",\",\"a,b\"]}]}}", longForm.toString());
    }

    @Test
    void rejectsAnUnknownTagNamingTheLine() {
        TemplateException error = assertThrows(TemplateException.class, () -> CloudFormationYaml.read("A: 1\nB: !Reference X\n"));
        assertTrue(error.getMessage().startsWith("(inline template) line 2: unknown tag !Reference."), error.getMessage());
    }

    @Test
    void keepsScalarTypesCloudFormationCaresAbout() {
        JsonNode values = CloudFormationYaml.read("Number: 300\nBig: 12345678901\nFlag: true\nQuoted: '2012-10-17'\nDate: 2012-10-17\n");
        assertEquals("{\"Number\":300,\"Big\":12345678901,\"Flag\":true,\"Quoted\":\"2012-10-17\",\"Date\":\"2012-10-17\"}",
                values.toString());
    }
}
