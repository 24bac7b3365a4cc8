package io.qualityhub.emulator;

/**
 * A resource of the template is not on the endpoint, and the bootstrap was told to find, not create
 * ({@link TemplateBootstrap.Builder#createMissing(boolean)}). Nothing was created.
 */
public final class ResourceMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String stackName;
    private final String logicalId;
    private final String missing;

    public ResourceMissingException(String stackName, String logicalId, String missing) {
        super("stack " + stackName + " is not on this endpoint: " + missing + " (" + logicalId + ") does not exist");
        this.stackName = stackName;
        this.logicalId = logicalId;
        this.missing = missing;
    }

    public String stackName() {
        return stackName;
    }

    public String logicalId() {
        return logicalId;
    }

    /** What is missing, e.g. "DynamoDB table qualityhub-local-RecordsTable". */
    public String missing() {
        return missing;
    }
}
