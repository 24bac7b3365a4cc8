package io.qualityhub.local;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.RecordDecryptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * What the commands that read or change stored records (lookup, erase, rekey) share: the local
 * deployment they open, the records table, its blind index and a decryptor, all with the caller's
 * own credentials, as an entitled person would run them against AWS (erase runs the erasure
 * function's service locally and invokes the function on a stack).
 */
final class LocalRecords {

  private LocalRecords() {}

  /**
   * The deployment the command's target options name ({@link AwsTarget}), found and never created.
   *
   * @param out unused since commands stopped starting an empty emulator of their own; kept for callers' shape
   */
  static LocalDeployment open(Path projectRoot, Options options, PrintStream out) {
    return AwsTarget.of(options).open(projectRoot);
  }

  static String table(LocalDeployment local) {
    return local.physicalId("RecordsTable");
  }

  /**
   * The blind index of the deployment's key, which the bootstrap created with the records table.
   *
   * @throws io.qualityhub.core.crypto.BlindIndexKeyMissingException when the key is missing or unreadable: the
   *     command stops rather than miss rows
   */
  static BlindIndex blindIndex(LocalDeployment local) {
    return new BlindIndexKeyStore(local.clients().dynamoDb(), table(local),
        new KmsDataKeySource(local.clients().kms(), local.attribute("IndexKey", "Arn"))).load();
  }

  static RecordDecryptor decryptor(LocalDeployment local, IntegrityFailures failures) {
    return decryptor(local, local.attribute("DataKey", "Arn"), failures);
  }

  /** @param dataKeyArn the KMS key record data keys are wrapped under: the template's DataKey, or the key of a rekey */
  static RecordDecryptor decryptor(LocalDeployment local, String dataKeyArn, IntegrityFailures failures) {
    return new RecordDecryptor(local.clients().dynamoDb(), table(local), new KmsDataKeySource(local.clients().kms(), dataKeyArn),
        failures);
  }

  /** The key of {@code --data-key}, else the template's DataKey. */
  static String dataKeyArn(LocalDeployment local, Options options) {
    return options.value("--data-key").orElseGet(() -> local.attribute("DataKey", "Arn"));
  }

  /** KMS refusing to unwrap, said so that the person knows what to change. */
  static IllegalStateException unwrapRefused(String dataKeyArn, KmsException e) {
    return new IllegalStateException("KMS refused to unwrap a data key with " + dataKeyArn + " ("
        + e.awsErrorDetails().errorCode() + "). If record data was moved with 'qualityhub rekey', pass --data-key NEW_ARN.", e);
  }

  /** The identifiers given as {@code --id-no} and {@code --phone}; values are never echoed. */
  static Map<BlindIndexedColumn, String> identifiers(Options options, String usage) {
    Map<BlindIndexedColumn, String> identifiers = new EnumMap<>(BlindIndexedColumn.class);
    options.value("--id-no").ifPresent(value -> identifiers.put(BlindIndexedColumn.ID_NUMBER, value));
    options.value("--phone").ifPresent(value -> identifiers.put(BlindIndexedColumn.PHONE, value));
    if (identifiers.values().stream().anyMatch(String::isBlank)) {
      throw new UsageException("--id-no and --phone need a non-empty value\n" + usage);
    }
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected arguments (values go after --id-no or --phone)\n" + usage);
    }
    return identifiers;
  }

  static String describe(BlindIndexedColumn column) {
    return column == BlindIndexedColumn.ID_NUMBER ? "ID number" : "phone number";
  }
}
