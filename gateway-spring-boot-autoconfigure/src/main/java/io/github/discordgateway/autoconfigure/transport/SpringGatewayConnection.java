package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.transport.GatewayConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** A {@link GatewayConnection} over one spring-websocket session. */
final class SpringGatewayConnection implements GatewayConnection {

  private static final Logger log = LoggerFactory.getLogger(SpringGatewayConnection.class);
  private static final int SEND_BUFFER_LIMIT = 512 * 1024;
  private static final int MAX_REASON_BYTES = 123;

  private final WebSocketSession raw;
  private final WebSocketSession session;
  private final SessionAdapter adapter;

  SpringGatewayConnection(WebSocketSession raw, Duration sendTimeLimit, SessionAdapter adapter) {
    this.raw = raw;
    // serialises concurrent senders (heartbeat scheduler and command callers) without blocking them
    this.session =
        new ConcurrentWebSocketSessionDecorator(
            raw,
            (int) Math.min(Integer.MAX_VALUE, sendTimeLimit.toMillis()),
            SEND_BUFFER_LIMIT,
            ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
    this.adapter = adapter;
  }

  @Override
  public void sendText(String payload) {
    if (!session.isOpen()) {
      log.debug("Dropping a frame for a closed connection");
      return;
    }
    try {
      session.sendMessage(new TextMessage(payload));
    } catch (IOException | RuntimeException ex) {
      log.warn("Sending a frame failed: {}", ex.toString());
    }
  }

  @Override
  public void sendBinary(byte[] payload) {
    if (!session.isOpen()) {
      log.debug("Dropping a frame for a closed connection");
      return;
    }
    try {
      session.sendMessage(new BinaryMessage(payload));
    } catch (IOException | RuntimeException ex) {
      log.warn("Sending a frame failed: {}", ex.toString());
    }
  }

  @Override
  public void close(int code, String reason) {
    try {
      if (raw.isOpen()) {
        raw.close(new CloseStatus(code, truncate(reason)));
      }
    } catch (IOException | RuntimeException ex) {
      log.debug("Closing the connection failed: {}", ex.toString());
    }
  }

  @Override
  public void abort() {
    abortQuietly();
  }

  void abortQuietly() {
    // JSR-356 offers no way to drop a socket without a close frame; close with a resumable code
    // and report the connection as dropped right away so nobody waits for the peer.
    close(4900, "Aborted");
    adapter.reportClosed(1006, "Aborted locally");
  }

  @Override
  public void pauseReading() {
    ReadSuspension.suspend(nativeSession());
  }

  @Override
  public void resumeReading() {
    ReadSuspension.resume(nativeSession());
  }

  private Object nativeSession() {
    if (raw instanceof NativeWebSocketSession nativeWebSocketSession) {
      return nativeWebSocketSession.getNativeSession();
    }
    return null;
  }

  @Override
  public boolean isOpen() {
    return raw.isOpen();
  }

  static String truncate(String reason) {
    if (reason == null) {
      return "";
    }
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return reason;
    }
    int end = reason.length();
    while (end > 0
        && reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      end--;
    }
    return reason.substring(0, end);
  }
}
