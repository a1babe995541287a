package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.transport.GatewayConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

  /** How long a close frame of ours may go unanswered before the socket is dropped. */
  static final Duration CLOSE_ANSWER_WAIT = Duration.ofSeconds(1);

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
    // A server that never answers the close frame would keep the socket (and its reads) alive
    // for Tomcat's 30 s session close timeout; give it a second.
    Object nativeSession = nativeSession();
    if (nativeSession != null) {
      CompletableFuture.delayedExecutor(CLOSE_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> TomcatSessions.dropIfLingering(nativeSession));
    }
  }

  /**
   * Sends a close frame and drops the socket right away, without reading on until the server
   * answers: for a server that misbehaves (a message over the limit, a ping flood).
   */
  void closeNow(int code, String reason) {
    Object nativeSession = nativeSession();
    try {
      if (nativeSession != null && TomcatSessions.closeNow(nativeSession, code, truncate(reason))) {
        return;
      }
    } catch (RuntimeException ex) {
      log.debug("Closing the connection at once failed: {}", ex.toString());
    }
    close(code, reason);
  }

  @Override
  public void abort() {
    abortQuietly();
  }

  void abortQuietly() {
    // JSR-356 offers no way to drop a socket without a close frame; close with a resumable code,
    // drop the socket, and report the connection as dropped right away so nobody waits for the
    // peer.
    closeNow(4900, "Aborted");
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

  Object nativeSession() {
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
