package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.Opcode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link Phase} reads out of a payload before it decides: a valid Hello, whether op 9 allows a
 * resume, and a dispatch that passed the sequence checks.
 */
final class InboundPayloads {

  private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

  private InboundPayloads() {}

  /**
   * Decodes Hello.
   *
   * @throws GatewayException of kind {@code PROTOCOL_ERROR} when it cannot be decoded or has no
   *     positive {@code heartbeat_interval}
   */
  static Hello hello(RawJson data) {
    Hello hello;
    try {
      hello = data == null ? null : data.decode(Hello.class);
    } catch (GatewayException e) {
      throw new GatewayException(
          GatewayException.Kind.PROTOCOL_ERROR,
          "Hello could not be decoded: " + e.getMessage(),
          -1,
          Opcode.HELLO,
          e);
    }
    if (hello == null || hello.heartbeatInterval() <= 0) {
      throw new GatewayException(
          GatewayException.Kind.PROTOCOL_ERROR,
          "Hello without a positive heartbeat_interval",
          -1,
          Opcode.HELLO,
          null);
    }
    return hello;
  }

  /** Returns whether op 9 says the session may be resumed ({@code d} is {@code true}). */
  static boolean mayResume(RawJson data) {
    return data != null && "true".equals(data.json().trim());
  }

  /** Returns the error reported when Discord invalidates a session that cannot be resumed. */
  static GatewayException sessionInvalidated() {
    return new GatewayException(
        GatewayException.Kind.SESSION_INVALIDATED,
        "Discord invalidated the session (op 9, not resumable)",
        -1,
        Opcode.INVALID_SESSION,
        null);
  }

  /**
   * Checks a dispatch's sequence number against the connection's, advances it, and returns the
   * dispatch; {@code null} (logged) for one already handled or one without an event name.
   *
   * @param connected whether the session is live (a gap is only worth a warning then)
   */
  static Dispatch dispatch(ClientCore c, Envelope envelope, boolean connected) {
    if (envelope.hasSequence()) {
      long seq = envelope.sequence();
      long last = c.sequence();
      // READY starts a new session and its numbering; otherwise a number that does not move
      // forward is one already handled: delivering it again would duplicate it, and keeping it
      // would make a later Resume ask for a replay of what was delivered.
      if (seq <= last && !"READY".equals(envelope.type())) {
        log.warn(
            "{} skipped dispatch {} with seq {}: not after seq {} (duplicate or out of order)",
            c.name(),
            envelope.type(),
            seq,
            last);
        return null;
      }
      if (last != Envelope.NO_SEQUENCE && seq > last + 1 && connected) {
        log.warn("{} sequence gap: seq {} follows seq {}", c.name(), seq, last);
      }
      c.sequence(seq);
    }
    String type = envelope.type();
    if (type == null) {
      log.warn("{} skipped dispatch without event name (seq {})", c.name(), envelope.sequence());
      return null;
    }
    EventType eventType = EventType.of(type).orElse(null);
    if (eventType == null) {
      log.debug("{} dispatch with unknown event name {} (seq {})", c.name(), type, c.sequence());
    } else if (log.isTraceEnabled()) {
      log.trace("{} dispatch {} seq {}", c.name(), type, envelope.sequence());
    }
    return new Dispatch(envelope.sequence(), type, eventType, envelope.data());
  }
}
