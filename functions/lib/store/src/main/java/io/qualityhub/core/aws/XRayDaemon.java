package io.qualityhub.core.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The X-Ray daemon Lambda runs beside a traced function, at {@code AWS_XRAY_DAEMON_ADDRESS}: it takes segment
 * documents as UDP datagrams and batches them to X-Ray, so sending one costs the function no network round trip.
 */
public final class XRayDaemon implements AutoCloseable {

  /** What precedes every document in a datagram. */
  static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

  private final InetSocketAddress address;
  private final DatagramSocket socket;

  public XRayDaemon(InetSocketAddress address) {
    this.address = address;
    try {
      this.socket = new DatagramSocket();
    } catch (SocketException e) {
      throw new UncheckedIOException("no UDP socket for the X-Ray daemon at " + address, e);
    }
  }

  /**
   * The daemon named by {@code AWS_XRAY_DAEMON_ADDRESS} ({@code host:port}, or {@code tcp:host:port udp:host:port}),
   * when set: Lambda sets it for every function, and only there is a daemon to listen.
   */
  public static Optional<XRayDaemon> fromEnvironment() {
    return address(System.getenv("AWS_XRAY_DAEMON_ADDRESS")).map(XRayDaemon::new);
  }

  static Optional<InetSocketAddress> address(String setting) {
    if (setting == null || setting.isBlank()) {
      return Optional.empty();
    }
    String udp = setting.trim();
    for (String part : udp.split("\\s+")) {
      if (part.startsWith("udp:")) {
        udp = part.substring("udp:".length());
      }
    }
    int colon = udp.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("AWS_XRAY_DAEMON_ADDRESS '" + setting + "' is not host:port");
    }
    return Optional.of(new InetSocketAddress(udp.substring(0, colon), Integer.parseInt(udp.substring(colon + 1))));
  }

  /** Sends one document; a lost trace must never fail the call it describes, so send errors are dropped. */
  public void send(String document) {
    byte[] datagram = (HEADER + document).getBytes(StandardCharsets.UTF_8);
    try {
      socket.send(new DatagramPacket(datagram, datagram.length, address));
    } catch (IOException e) {
      // UDP to a local daemon: a failure here loses one subsegment, which X-Ray shows as a gap, nothing more.
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
