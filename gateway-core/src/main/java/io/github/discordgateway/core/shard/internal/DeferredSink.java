package io.github.discordgateway.core.shard.internal;

import io.github.discordgateway.core.transport.FrameSink;
import io.github.discordgateway.core.transport.GatewayConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink a client writes to before its connection exists: a client is created before the
 * transport opens the connection, so that it can be the connection's handler. Nothing is ever sent
 * before Hello, so frames only flow after {@link #attach}; a close requested earlier is applied
 * when the connection arrives. Reading pauses requested earlier are applied too.
 *
 * <p>Lock-free: attaching, pausing and aborting run on the shard's executor, writes and closes on
 * the connection's writer. A close and an attach that race both look at the other's volatile write,
 * so at least one of them closes the connection (closing twice has no effect).
 */
public final class DeferredSink implements FrameSink {

  private static final Logger log = LoggerFactory.getLogger(DeferredSink.class);

  private volatile GatewayConnection connection;
  private volatile String pendingCloseReason;
  private volatile int pendingCloseCode = -1;
  private volatile boolean closed;
  // the shard's executor only
  private boolean readingPaused;

  /**
   * Hands over the opened connection; a close or reading pause requested earlier is applied to it
   * now.
   *
   * @param connection the connection the transport opened
   */
  public void attach(GatewayConnection connection) {
    this.connection = connection;
    int code = pendingCloseCode;
    if (code >= 0 || closed) {
      String reason = pendingCloseReason;
      connection.close(code >= 0 ? code : 4900, reason == null ? "Closed" : reason);
      return;
    }
    if (readingPaused) {
      connection.pauseReading();
    }
  }

  @Override
  public void sendText(String payload) {
    GatewayConnection target = connection;
    if (target == null) {
      log.debug("Dropping a frame sent before the connection opened");
      return;
    }
    target.sendText(payload);
  }

  @Override
  public void sendBinary(byte[] payload) {
    GatewayConnection target = connection;
    if (target == null) {
      log.debug("Dropping a frame sent before the connection opened");
      return;
    }
    target.sendBinary(payload);
  }

  @Override
  public void close(int code, String reason) {
    pendingCloseReason = reason;
    pendingCloseCode = code;
    GatewayConnection target = connection;
    if (target != null) {
      target.close(code, reason);
    }
  }

  /**
   * Pauses or resumes reading from the connection, now or as soon as it is attached.
   *
   * @param paused whether reading pauses
   */
  public void pauseReading(boolean paused) {
    readingPaused = paused;
    GatewayConnection target = connection;
    if (target != null) {
      if (paused) {
        target.pauseReading();
      } else {
        target.resumeReading();
      }
    }
  }

  /** Drops the connection without a close handshake; a connection attached later is closed. */
  public void abort() {
    closed = true;
    GatewayConnection target = connection;
    if (target != null) {
      target.abort();
    }
  }

  /** Records that the connection ended, so that a connection attached later is closed at once. */
  public void closed() {
    closed = true;
  }
}
