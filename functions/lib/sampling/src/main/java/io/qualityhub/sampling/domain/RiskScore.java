package io.qualityhub.sampling.domain;

import java.util.List;

/**
 * @param weight  1 for a routine record, more for each risk reason
 * @param reasons ids of the risk rules that apply, in plan order
 */
public record RiskScore(double weight, List<String> reasons) {

    public RiskScore {
        reasons = List.copyOf(reasons);
    }
}
