package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.transport.FrameSink;
import io.github.discordgateway.core.transport.GatewayConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink a client writes to before its connection exists: a client is created before the
 * transport opens the connection, so that it can be the connection's handler. Nothing is ever sent
 * before Hello, so frames only flow after {@link #attach}; a close requested earlier is applied
 * when the connection arrives. Reading pauses requested earlier are applied too.
 */
final class DeferredSink implements FrameSink {

  private static final Logger log = LoggerFactory.getLogger(DeferredSink.class);

  private GatewayConnection connection;
  private int pendingCloseCode = -1;
  private String pendingCloseReason;
  private boolean readingPaused;
  private boolean closed;

  synchronized void attach(GatewayConnection connection) {
    this.connection = connection;
    if (pendingCloseCode >= 0 || closed) {
      connection.close(
          pendingCloseCode >= 0 ? pendingCloseCode : 4900,
          pendingCloseReason == null ? "Closed" : pendingCloseReason);
      return;
    }
    if (readingPaused) {
      connection.pauseReading();
    }
  }

  @Override
  public void sendText(String payload) {
    GatewayConnection target;
    synchronized (this) {
      target = connection;
    }
    if (target == null) {
      log.debug("Dropping a frame sent before the connection opened");
      return;
    }
    target.sendText(payload);
  }

  @Override
  public void sendBinary(byte[] payload) {
    GatewayConnection target;
    synchronized (this) {
      target = connection;
    }
    if (target == null) {
      log.debug("Dropping a frame sent before the connection opened");
      return;
    }
    target.sendBinary(payload);
  }

  @Override
  public void close(int code, String reason) {
    GatewayConnection target;
    synchronized (this) {
      target = connection;
      if (target == null) {
        pendingCloseCode = code;
        pendingCloseReason = reason;
        return;
      }
    }
    target.close(code, reason);
  }

  void pauseReading(boolean paused) {
    GatewayConnection target;
    synchronized (this) {
      readingPaused = paused;
      target = connection;
    }
    if (target != null) {
      if (paused) {
        target.pauseReading();
      } else {
        target.resumeReading();
      }
    }
  }

  void abort() {
    GatewayConnection target;
    synchronized (this) {
      closed = true;
      target = connection;
    }
    if (target != null) {
      target.abort();
    }
  }

  synchronized void closed() {
    closed = true;
  }
}
