package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.ControlFrameFloodException;
import io.github.discordgateway.core.transport.MessageTooLargeException;
import io.github.discordgateway.core.transport.internal.PingBudget;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Bridges one spring-websocket session to a core {@link ConnectionHandler}: assembles partial
 * messages, enforces the size limit and reports the close exactly once.
 */
final class SessionAdapter implements WebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(SessionAdapter.class);

  private final ConnectionHandler handler;
  private final int maxMessageSize;
  private final Duration sendTimeLimit;
  private final AtomicBoolean closedReported = new AtomicBoolean();
  private volatile SpringGatewayConnection connection;

  // Set once a message went over the limit: the connection is closing with 1009, and the rest of
  // that message (and anything after it) must not reach the handler as if it were a new message.
  private volatile boolean overLimit;
  private StringBuilder textParts;
  private byte[] binaryParts;
  private int binaryLength;

  SessionAdapter(ConnectionHandler handler, int maxMessageSize, Duration sendTimeLimit) {
    this.handler = handler;
    this.maxMessageSize = maxMessageSize;
    this.sendTimeLimit = sendTimeLimit;
  }

  SpringGatewayConnection connection() {
    return connection;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    SpringGatewayConnection opened = new SpringGatewayConnection(session, sendTimeLimit, this);
    connection = opened;
    Object nativeSession = opened.nativeSession();
    if (nativeSession != null) {
      PingBudget budget = new PingBudget();
      TomcatSessions.guardPings(nativeSession, budget, () -> pingFlood(budget.limit()));
    }
    handler.onOpen(opened);
  }

  private void pingFlood(int limit) {
    overLimit = true;
    handler.onError(
        new ControlFrameFloodException(
            "The server sent more than "
                + limit
                + " pings in one second; dropping the connection"));
    SpringGatewayConnection current = connection;
    if (current != null) {
      current.closeNow(CloseStatus.POLICY_VIOLATION.getCode(), "Ping flood");
    }
  }

  @Override
  public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
    if (overLimit) {
      return;
    }
    if (message instanceof TextMessage text) {
      onText(text);
    } else if (message instanceof BinaryMessage binary) {
      onBinary(binary);
    } else if (!(message instanceof PongMessage)) {
      log.debug("Ignoring WebSocket message of type {}", message.getClass().getSimpleName());
    }
  }

  private void onText(TextMessage message) {
    String part = message.getPayload();
    if (textParts == null && message.isLast()) {
      if (part.length() > maxMessageSize) {
        tooLarge(part.length());
        return;
      }
      handler.onText(part);
      IoThreads.handed(this);
      return;
    }
    if (textParts == null) {
      textParts =
          new StringBuilder(Math.min(maxMessageSize, Math.max(16 * 1024, part.length() * 2)));
    }
    if (textParts.length() + part.length() > maxMessageSize) {
      int size = textParts.length() + part.length();
      textParts = null;
      tooLarge(size);
      return;
    }
    textParts.append(part);
    if (message.isLast()) {
      String whole = textParts.toString();
      textParts = null;
      handler.onText(whole);
      IoThreads.handed(this);
    }
  }

  private void onBinary(BinaryMessage message) {
    ByteBuffer part = message.getPayload();
    if (binaryParts == null && message.isLast()) {
      if (part.remaining() > maxMessageSize) {
        tooLarge(part.remaining());
        return;
      }
      handler.onBinary(part);
      IoThreads.handed(this);
      return;
    }
    int needed = binaryLength + part.remaining();
    if (needed > maxMessageSize) {
      binaryParts = null;
      binaryLength = 0;
      tooLarge(needed);
      return;
    }
    if (binaryParts == null || binaryParts.length < needed) {
      byte[] grown = new byte[Math.min(maxMessageSize, Math.max(needed, needed * 2))];
      if (binaryParts != null) {
        System.arraycopy(binaryParts, 0, grown, 0, binaryLength);
      }
      binaryParts = grown;
    }
    int length = part.remaining();
    part.get(binaryParts, binaryLength, length);
    binaryLength += length;
    if (message.isLast()) {
      ByteBuffer whole = ByteBuffer.wrap(binaryParts, 0, binaryLength);
      // drop the assembly buffer: large messages are rare and must not pin memory per shard
      binaryParts = null;
      binaryLength = 0;
      handler.onBinary(whole);
      IoThreads.handed(this);
    }
  }

  private void tooLarge(int size) {
    overLimit = true;
    String reason = "Message of " + size + " bytes exceeds the limit of " + maxMessageSize;
    handler.onError(new MessageTooLargeException(reason));
    SpringGatewayConnection current = connection;
    if (current != null) {
      // drop the socket with the close frame: the server may keep sending the rest (a frame
      // header can announce a terabyte), and reading it to the end would cost cores for minutes
      current.closeNow(CloseStatus.TOO_BIG_TO_PROCESS.getCode(), "Message too big");
    }
  }

  /** Tells the handler that the messages of the current read have all been handed over. */
  void readEnded() {
    try {
      handler.onReadComplete();
    } catch (RuntimeException ex) {
      log.warn("Connection handler failed at the end of a read", ex);
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    handler.onError(exception);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
    reportClosed(closeStatus.getCode(), closeStatus.getReason());
  }

  void reportClosed(int code, String reason) {
    if (closedReported.compareAndSet(false, true)) {
      handler.onClosed(code, reason == null ? "" : reason);
    }
  }

  @Override
  public boolean supportsPartialMessages() {
    return true;
  }
}
