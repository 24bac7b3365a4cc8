package io.qualityhub.local.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local portal's stand-in for Cognito: signs short-lived JWTs (HS256, a key made per run and
 * never stored) carrying the claims a Cognito access token gives the HTTP API's JWT authoriser, and
 * checks them as the authoriser would (signature, expiry, scope) before a function sees a request.
 */
final class LocalTokens {

  static final String SCOPE = "qualityhub-reports/read";
  static final Duration LIFETIME = Duration.ofHours(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key = new byte[32];
  private final Clock clock;

  LocalTokens(Clock clock) {
    new SecureRandom().nextBytes(key);
    this.clock = clock;
  }

  String issue(PortalUser user) {
    ObjectNode claims = JSON.createObjectNode()
        .put("sub", user.name() + "-sub")
        .put("cognito:username", user.name())
        .put("token_use", "access")
        .put("scope", SCOPE)
        .put("exp", clock.instant().plus(LIFETIME).getEpochSecond());
    claims.putArray("cognito:groups").add(user.group());
    String unsigned = encode(JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT")) + "." + encode(claims);
    return unsigned + "." + ENCODER.encodeToString(sign(unsigned));
  }

  /**
   * The claims of a valid token as API Gateway hands them to a function (every value a string, groups as
   * {@code [a b]}); empty for a missing, forged, malformed or expired token, or one without the scope.
   */
  Optional<Map<String, String>> verify(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), DECODER.decode(parts[2]))) {
        return Optional.empty();
      }
      JsonNode claims = JSON.readTree(DECODER.decode(parts[1]));
      if (!Instant.ofEpochSecond(claims.path("exp").asLong()).isAfter(clock.instant())
          || !SCOPE.equals(claims.path("scope").asText())) {
        return Optional.empty();
      }
      Map<String, String> passed = new LinkedHashMap<>();
      claims.fields().forEachRemaining(claim -> passed.put(claim.getKey(), claim.getValue().isArray()
          ? "[" + String.join(" ", JSON.convertValue(claim.getValue(), String[].class)) + "]"
          : claim.getValue().asText()));
      return Optional.of(passed);
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String unsigned) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static String encode(ObjectNode node) {
    try {
      return ENCODER.encodeToString(JSON.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
