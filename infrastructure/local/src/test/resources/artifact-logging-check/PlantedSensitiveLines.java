import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function artifact's own logging with planted sensitive values, run by FunctionArtifactsLoggingTest with java's
 * source launcher so that the class path is the artifact alone (its log4j2.xml, its Log4j plugin cache): one line with
 * a sensitive column's key and an ID number in its message, one with a mobile number in an exception's message.
 */
public class PlantedSensitiveLines {

  public static void main(String[] args) {
    Logger log = LoggerFactory.getLogger("io.qualityhub.artifact.PlantedSensitiveLines");
    log.info("lookup for A123456789 done", entry("customer_id_no", "PLANTED-id-no"),
        entry("objectKey", "incoming/TPE-01/2026-11-23/claims.csv"));
    log.warn("row refused", new IllegalStateException("customer 0912345678 refused"));
  }
}
