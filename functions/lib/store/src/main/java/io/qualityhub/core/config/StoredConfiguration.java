package io.qualityhub.core.config;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function's settings with the configuration store's documents in force laid over its environment:
 * a stored document takes the place of the variable it names (the template parameter becomes the
 * fallback of a stack with nothing stored). Read once when the function starts, so a change is
 * picked up by the function's next cold start. The versions read are kept as
 * {@code CONFIGURATION_VERSIONS} and logged at start with the field {@code configVersions}.
 */
public final class StoredConfiguration {

  /** The table holding the store; a function without it runs on its environment alone. */
  public static final String TABLE_VARIABLE = "CONFIGURATION_TABLE";
  public static final String VERSIONS_VARIABLE = "CONFIGURATION_VERSIONS";
  public static final String LOG_FIELD = "configVersions";
  private static final Logger LOG = LoggerFactory.getLogger(StoredConfiguration.class);

  private StoredConfiguration() {}

  public static Settings over(Settings environment, DynamoDbClient dynamoDb) {
    if (environment.optional(TABLE_VARIABLE).isEmpty()) {
      return environment;
    }
    Map<String, ConfigDocument> documents = new ConfigStore(dynamoDb, environment.required(TABLE_VARIABLE))
        .currentDocuments();
    Map<String, String> variables = new HashMap<>(environment.variables());
    documents.values().forEach(document -> variables.put(document.variable(), document.body()));
    String versions = ConfigStore.labels(documents.values());
    variables.put(VERSIONS_VARIABLE, versions);
    MDC.put(LOG_FIELD, versions);
    LOG.info("configuration in force: {}", versions);
    return new Settings(variables);
  }
}
