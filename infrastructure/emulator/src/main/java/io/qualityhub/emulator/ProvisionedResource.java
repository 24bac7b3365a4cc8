package io.qualityhub.emulator;

import java.util.Map;

/** A resource as it exists on the endpoint: what Ref returns and what Fn::GetAtt can ask for. */
record ProvisionedResource(String physicalId, Map<String, String> attributes) {

    ProvisionedResource {
        attributes = Map.copyOf(attributes);
    }
}
