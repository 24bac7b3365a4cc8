package io.qualityhub.emulator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Creates (or finds, when a previous run created them) the resources of some CloudFormation types. */
interface ResourceProvisioner {

    /** The CloudFormation types this provisioner creates. */
    Set<String> types();

    /** The properties of {@code type} it applies; any other property present is reported as not applied. */
    Set<String> appliedProperties(String type);

    /** Creates the resource if absent, brings its settings to the template's, and says how to refer to it. */
    ProvisionedResource provision(Request request);

    /**
     * The resource as the endpoint holds it, referred to as {@link #provision} would, found with reads only: attaching
     * to a deployment (every command but the demo does) changes nothing of it. Empty when it does not exist.
     */
    Optional<ProvisionedResource> find(Request request);

    /** The resource as a person would look for it, e.g. "DynamoDB table qualityhub-local-records". */
    String describe(Request request);

    /** One resource to provision, with its properties already resolved. */
    record Request(String logicalId, String type, JsonNode properties, Context context) {

        String where() {
            return logicalId + " (" + type + ")";
        }

        JsonNode required(String property) {
            JsonNode value = properties.get(property);
            if (value == null || value.isNull()) {
                throw new TemplateException(where() + ": property " + property + " is required.");
            }
            return value;
        }

        String requiredText(String property) {
            JsonNode value = properties.get(property);
            if (value == null || !value.isValueNode() || value.isNull()) {
                throw new TemplateException(where() + ": property " + property + " is required and must be a string.");
            }
            return value.asText();
        }

        String optionalText(String property) {
            JsonNode value = properties.get(property);
            return value == null || value.isNull() ? null : IntrinsicResolver.text(value, where() + "." + property);
        }
    }

    /** What provisioning needs beyond the resource itself. */
    interface Context {
        StackIdentity stack();

        /** The resolved names of the AWS::KMS::Alias resources of the template that point at this key. */
        List<String> aliasNamesOf(String keyLogicalId);

        /** Records something applied differently from the template because the endpoint is a local emulator. */
        void note(String adaptation);
    }
}
