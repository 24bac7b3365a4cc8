package io.qualityhub.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {

  @Test
  void readsTheHeaderLambdaHandsAnInvocation() {
    assertEquals(Optional.of(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true)),
        TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1"));
  }

  @Test
  void aTraceNotSampledIsReadAsSuchAndAMissingSampledFlagIsNotSampled() {
    assertEquals(Optional.of(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", false)),
        TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0"));
    assertEquals(Optional.of(new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", false)),
        TraceHeader.parse("Parent=53995c3f42cd8ad8; Root=1-5759e988-bd862e3fe1be46a994272793"));
  }

  @Test
  void withoutARootOrAParentThereIsNothingToAttachASubsegmentTo() {
    for (String header : new String[] {null, "", "  ", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
        "Parent=53995c3f42cd8ad8;Sampled=1", "Root=;Parent=53995c3f42cd8ad8;Sampled=1", "garbage"}) {
      assertEquals(Optional.empty(), TraceHeader.parse(header), String.valueOf(header));
    }
  }
}
