package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.CustomerLookup;
import io.qualityhub.core.store.RecordDecryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The customer lookup function's service, built from its settings and clients. */
final class CustomerLookupWiring {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerLookupWiring.class);

  private CustomerLookupWiring() {}

  static CustomerLookupService of(Settings settings, AwsClients clients) {
    String recordsTable = settings.required("RECORDS_TABLE");
    String indexKeyArn = settings.required("INDEX_KEY_ARN");
    String dataKeyArn = settings.required("DATA_KEY_ARN");
    AuditTrail trail = new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE"));
    // Built for each allowed lookup, not at start: a denied caller costs no KMS call.
    return new CustomerLookupService((column, value) -> new CustomerLookup(clients.dynamoDb(), recordsTable,
        new BlindIndexKeyStore(clients.dynamoDb(), recordsTable, new KmsDataKeySource(clients.kms(), indexKeyArn)).load(),
        new RecordDecryptor(clients.dynamoDb(), recordsTable, new KmsDataKeySource(clients.kms(), dataKeyArn),
            failure -> LOG.error("stored record failed its integrity check", entry("item", failure.getMessage()))))
        .find(column, value), trail::append);
  }
}
