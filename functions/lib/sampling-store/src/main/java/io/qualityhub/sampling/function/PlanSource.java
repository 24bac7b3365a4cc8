package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.SamplingPlan;
import io.qualityhub.sampling.domain.SamplingPlanLoader;

/**
 * The sampling plan in force (the packaged plan with the deployment's {@code SAMPLING_PLAN_OVERRIDE}), and the plan
 * a stored period was drawn under, rebuilt from the JSON kept in its header so it verifies after the plan changed.
 */
public final class PlanSource {

  public static final String OVERRIDE_VARIABLE = "SAMPLING_PLAN_OVERRIDE";

  private final String packagedJson;
  private final String overrideJson;

  /** @param overrideJson the deployment's merge patch, or {@code null} or blank for none */
  public PlanSource(String overrideJson) {
    this.packagedJson = SamplingPlanLoader.packagedPlanJson();
    this.overrideJson = overrideJson == null || overrideJson.isBlank() ? null : overrideJson;
  }

  public SamplingPlan current() {
    return parse(packagedJson, overrideJson);
  }

  public String packagedJsonText() {
    return packagedJson;
  }

  public String overrideJsonText() {
    return overrideJson;
  }

  public static SamplingPlan of(SampleHeader header) {
    return parse(header.planJson(), header.planOverrideJson());
  }

  /** The plan an ad-hoc order was assigned under, from the JSON kept with it. */
  public static SamplingPlan of(AdhocOrderRecord order) {
    return parse(order.planJson(), order.planOverrideJson());
  }

  /** A plan from its packaged JSON and override ({@code null} for none), as stored with what it decided. */
  static SamplingPlan of(String planJson, String overrideJson) {
    return parse(planJson, overrideJson);
  }

  private static SamplingPlan parse(String planJson, String overrideJson) {
    return overrideJson == null
        ? SamplingPlanLoader.parse(planJson, SamplingPlanLoader.DEFAULT_RESOURCE)
        : SamplingPlanLoader.parse(planJson, SamplingPlanLoader.DEFAULT_RESOURCE, overrideJson, OVERRIDE_VARIABLE);
  }
}
