package io.qualityhub.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XRayDaemonTest {

  @Test
  void findsTheDaemonAsLambdaNamesItInEitherForm() {
    assertEquals(Optional.of(new InetSocketAddress("169.254.79.129", 2000)), XRayDaemon.address("169.254.79.129:2000"));
    assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 2001)),
        XRayDaemon.address("tcp:127.0.0.1:2000 udp:127.0.0.1:2001"));
  }

  @Test
  void noSettingNoDaemonAndAMalformedOneSaysWhatIsWrong() {
    assertEquals(Optional.empty(), XRayDaemon.address(null));
    assertEquals(Optional.empty(), XRayDaemon.address(" "));
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> XRayDaemon.address("2000"));
    assertEquals("AWS_XRAY_DAEMON_ADDRESS '2000' is not host:port", wrong.getMessage());
  }
}
