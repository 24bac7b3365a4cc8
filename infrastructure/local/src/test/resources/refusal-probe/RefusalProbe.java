import io.qualityhub.core.aws.AwsClients;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;

/**
 * The error paths no sample event reaches, run with java's source launcher so that the class path is one function's
 * shrunk artifact alone (decision 0025): DynamoDB refuses a conditional write and a transaction, KMS refuses a
 * ciphertext, each through an operation the artifact kept, and the probe prints the exception class each refusal was
 * unmarshalled into (a model class dropped by the shrinker would leave a generic service exception instead).
 * It also sets a request's override configuration through {@code AwsRequest.Builder}, the call the SDK's core makes,
 * on a builder interface whose bridge method the build dropped (decision 0025, 2026-12-06).
 * Environment: RECORDS_TABLE, DATA_KEY_ARN and the emulator's AWS_* variables.
 */
public class RefusalProbe {

  public static void main(String[] args) {
    String table = System.getenv("RECORDS_TABLE");
    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("refusal-probe#" + UUID.randomUUID()),
        "sk", AttributeValue.fromS("probe"));
    AwsRequest.Builder generic = DecryptRequest.builder();
    AwsRequest overridden = generic.overrideConfiguration(AwsRequestOverrideConfiguration.builder()
        .putHeader("x-refusal-probe", "set").build()).build();
    System.out.println("generic_override=" + overridden.getClass().getName() + " "
        + overridden.overrideConfiguration().map(override -> override.headers().get("x-refusal-probe")).orElse(null));
    AwsClients clients = AwsClients.fromEnvironment();
    try (DynamoDbClient dynamo = clients.dynamoDb(); KmsClient kms = clients.kms()) {
      print("conditional_write", () -> dynamo.putItem(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_exists(pk)")));
      print("transaction", () -> dynamo.transactWriteItems(transaction -> transaction.transactItems(TransactWriteItem
          .builder().put(Put.builder().tableName(table).item(item).conditionExpression("attribute_exists(pk)").build())
          .build())));
      print("decrypt", () -> kms.decrypt(decrypt -> decrypt.keyId(System.getenv("DATA_KEY_ARN"))
          .ciphertextBlob(SdkBytes.fromUtf8String("not a ciphertext of this key"))));
    }
  }

  private static void print(String name, Runnable call) {
    try {
      call.run();
      System.out.println(name + "=accepted");
    } catch (RuntimeException refused) {
      System.out.println(name + "=" + refused.getClass().getName());
    }
  }
}
