package io.qualityhub.deadlines;

import io.qualityhub.core.format.ComplaintSeverity;
import java.util.EnumSet;
import java.util.Map;

/**
 * Complaint limits by severity. Both clocks start when the complaint is received and run side by side.
 *
 * @param firstResponse limit for the first response to the complainant
 * @param resolution    limit for resolving the complaint and replying with the outcome
 * @param extendedResolution the resolution limit once the handling period was extended in time
 */
public record ComplaintLimits(Map<ComplaintSeverity, DeadlineLimit> firstResponse,
                              Map<ComplaintSeverity, DeadlineLimit> resolution,
                              Map<ComplaintSeverity, DeadlineLimit> extendedResolution) {

    public ComplaintLimits {
        firstResponse = Map.copyOf(firstResponse);
        resolution = Map.copyOf(resolution);
        extendedResolution = Map.copyOf(extendedResolution);
        if (!firstResponse.keySet().containsAll(EnumSet.allOf(ComplaintSeverity.class))
                || !resolution.keySet().containsAll(EnumSet.allOf(ComplaintSeverity.class))
                || !extendedResolution.keySet().containsAll(EnumSet.allOf(ComplaintSeverity.class))) {
            throw new IllegalArgumentException("complaint limits need every severity");
        }
    }

    public DeadlineLimit firstResponseLimit(ComplaintSeverity severity) {
        return firstResponse.get(severity);
    }

    public DeadlineLimit resolutionLimit(ComplaintSeverity severity) {
        return resolution.get(severity);
    }

    public DeadlineLimit extendedResolutionLimit(ComplaintSeverity severity) {
        return extendedResolution.get(severity);
    }
}
