package io.qualityhub.local.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stand-in for Cognito and the JWT authoriser lets through only the tokens it issued, while they last. */
class LocalTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private final MovingClock clock = new MovingClock();
  private final LocalTokens tokens = new LocalTokens(clock);

  @Test
  void aTokenItIssuedCarriesTheClaimsApiGatewayPassesOn() {
    Map<String, String> claims = tokens.verify(tokens.issue(new PortalUser("manager-TPE-01", "branch-manager:TPE-01")))
        .orElseThrow();

    assertEquals("manager-TPE-01", claims.get("cognito:username"));
    assertEquals("[branch-manager:TPE-01]", claims.get("cognito:groups"));
    assertEquals("qualityhub-reports/read", claims.get("scope"));
    assertEquals(Long.toString(NOW.plus(LocalTokens.LIFETIME).getEpochSecond()), claims.get("exp"));
  }

  @Test
  void aTokenWithItsGroupsRewrittenIsRefused() {
    String[] parts = tokens.issue(new PortalUser("manager-TPE-01", "branch-manager:TPE-01")).split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("branch-manager:TPE-01", "auditor");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];

    assertTrue(tokens.verify(forged).isEmpty());
  }

  @Test
  void anExpiredTokenOrOneFromAnotherRunOrNoneAtAllIsRefused() {
    String issued = tokens.issue(new PortalUser("auditor-demo", "auditor"));
    assertTrue(new LocalTokens(Clock.fixed(NOW, ZoneOffset.UTC)).verify(issued).isEmpty(), "another run's key");
    clock.now = NOW.plus(LocalTokens.LIFETIME).minusSeconds(1);
    assertTrue(tokens.verify(issued).isPresent(), "valid until its exp");
    clock.now = NOW.plus(LocalTokens.LIFETIME);
    assertTrue(tokens.verify(issued).isEmpty(), "expired");

    assertTrue(tokens.verify("").isEmpty());
    assertTrue(tokens.verify(null).isEmpty());
    assertTrue(tokens.verify("a.b.c").isEmpty());
  }

  private static final class MovingClock extends Clock {
    Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
