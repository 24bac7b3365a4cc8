package io.qualityhub.sampling.function;

import static io.qualityhub.sampling.function.SampleStore.n;
import static io.qualityhub.sampling.function.SampleStore.s;

import io.qualityhub.sampling.domain.Assurance;
import io.qualityhub.sampling.domain.SizingRule;
import io.qualityhub.sampling.domain.Stratum;
import io.qualityhub.sampling.domain.StratumDraw;
import io.qualityhub.sampling.domain.StratumSizing;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stratum's draw as kept in the sample header: codes and counts, and the assurance its minimum gives, so the
 * sample says how large each stratum was, how many were picked and why that many, without rereading the plan.
 * Numbers go through {@link Double#toString}, which reads back to the same double.
 */
public final class StratumItems {

  private StratumItems() {}

  static AttributeValue toAttribute(StratumDraw draw) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("recordType", s(draw.stratum().recordType()));
    map.put("branch", s(draw.stratum().branch()));
    if (draw.stratum().productLine() != null) {
      map.put("productLine", s(draw.stratum().productLine()));
    }
    map.put("population", n(draw.populationSize()));
    map.put("size", n(draw.sampleSize()));
    map.put("rule", s(draw.sizing().rule().name()));
    map.put("minimum", n(draw.sizing().minimum()));
    Assurance assurance = draw.sizing().assurance();
    if (assurance != null) {
      map.put("confidence", AttributeValue.fromN(Double.toString(assurance.confidence())));
      map.put("tolerableDeviationRate", AttributeValue.fromN(Double.toString(assurance.tolerableDeviationRate())));
      map.put("expectedDeviationRate", AttributeValue.fromN(Double.toString(assurance.expectedDeviationRate())));
    }
    return AttributeValue.fromM(map);
  }

  /** The draw a sample header keeps, as the sampling function wrote it (the report reads it for its assurance). */
  public static StratumDraw fromAttribute(AttributeValue value) {
    Map<String, AttributeValue> map = value.m();
    Assurance assurance = map.containsKey("confidence")
        ? new Assurance(number(map, "confidence"), number(map, "tolerableDeviationRate"),
        number(map, "expectedDeviationRate"))
        : null;
    return new StratumDraw(new Stratum(map.get("recordType").s(), map.get("branch").s(),
        map.containsKey("productLine") ? map.get("productLine").s() : null),
        Integer.parseInt(map.get("population").n()), Integer.parseInt(map.get("size").n()),
        new StratumSizing(SizingRule.valueOf(map.get("rule").s()), Integer.parseInt(map.get("minimum").n()), assurance));
  }

  private static double number(Map<String, AttributeValue> map, String name) {
    return Double.parseDouble(map.get(name).n());
  }
}
