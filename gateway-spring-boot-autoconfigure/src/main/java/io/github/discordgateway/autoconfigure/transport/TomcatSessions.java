package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.transport.internal.PingBudget;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.tomcat.websocket.WsSession;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * What Tomcat's JSR-356 client needs beyond the standard API: closing a session without waiting for
 * the server's close frame, bounding the pings it answers, and running its sockets on a channel
 * group of ours. Tomcat classes are only touched when they are present; elsewhere every method
 * reports that it did nothing.
 */
final class TomcatSessions {

  private static final Logger log = LoggerFactory.getLogger(TomcatSessions.class);

  private static final boolean TOMCAT_PRESENT =
      ClassUtils.isPresent(
          "org.apache.tomcat.websocket.WsSession", TomcatSessions.class.getClassLoader());

  private TomcatSessions() {}

  /**
   * Sends a close frame and closes the socket at once, instead of reading on until the server
   * answers (Tomcat waits up to 30 s for that, reading whatever the server sends meanwhile).
   *
   * @return whether it was done; {@code false} for a session that is not Tomcat's
   */
  static boolean closeNow(Object nativeSession, int code, String reason) {
    if (TOMCAT_PRESENT && Tomcat.isTomcat(nativeSession)) {
      Tomcat.closeNow(nativeSession, code, reason);
      return true;
    }
    return false;
  }

  /** Closes the socket of a session whose close frame went out but was never answered. */
  static void dropIfLingering(Object nativeSession) {
    if (TOMCAT_PRESENT && Tomcat.isTomcat(nativeSession)) {
      Tomcat.dropIfLingering(nativeSession);
    }
  }

  /**
   * Makes the session answer at most {@link PingBudget#limit()} pings a second; the first ping over
   * that is not answered and {@code onFlood} runs (once).
   *
   * @return whether the guard is in place
   */
  static boolean guardPings(Object nativeSession, PingBudget budget, Runnable onFlood) {
    if (TOMCAT_PRESENT && Tomcat.isTomcat(nativeSession)) {
      return Tomcat.guardPings(nativeSession, budget, onFlood);
    }
    return false;
  }

  /**
   * Makes the connections {@code container} opens from now on use {@code group} instead of the
   * process-wide group of Tomcat's client (whose pool has no upper bound). Tomcat takes that group
   * lazily into a private field; setting the field first is the only way in.
   *
   * @return whether the container will use {@code group}; {@code false} for a container that is not
   *     Tomcat's or a Tomcat without that field
   */
  static boolean useChannelGroup(Object container, AsynchronousChannelGroup group) {
    if (TOMCAT_PRESENT && container instanceof WsWebSocketContainer) {
      return Tomcat.useChannelGroup(container, group);
    }
    return false;
  }

  private static final class Tomcat {

    private static final Field BASIC_REMOTE = basicRemoteField();

    static boolean isTomcat(Object session) {
      return session instanceof WsSession;
    }

    static void closeNow(Object session, int code, String reason) {
      CloseReason closeReason =
          new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason == null ? "" : reason);
      WsSession ws = (WsSession) session;
      // a no-op unless the session is still open; then the socket closes right after the frame
      ws.doClose(closeReason, closeReason, true);
      dropIfLingering(ws);
    }

    static void dropIfLingering(Object session) {
      WsSession ws = (WsSession) session;
      if (!ws.isOpen() && !ws.isClosed()) {
        // as if the server had answered the close: Tomcat then closes the socket
        ws.onClose(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "No close answer"));
      }
    }

    static boolean guardPings(Object session, PingBudget budget, Runnable onFlood) {
      if (BASIC_REMOTE == null) {
        return false;
      }
      try {
        RemoteEndpoint.Basic current = (RemoteEndpoint.Basic) BASIC_REMOTE.get(session);
        // Tomcat answers each ping on its read thread through this endpoint, invisible to the
        // application otherwise
        BASIC_REMOTE.set(session, new PingGuard(current, budget, onFlood));
        return true;
      } catch (IllegalAccessException | RuntimeException ex) {
        log.debug("Cannot bound the pings of a Tomcat WebSocket session: {}", ex.toString());
        return false;
      }
    }

    static boolean useChannelGroup(Object container, AsynchronousChannelGroup group) {
      try {
        Field field = WsWebSocketContainer.class.getDeclaredField("asynchronousChannelGroup");
        if (field.getType() != AsynchronousChannelGroup.class) {
          return false;
        }
        field.setAccessible(true);
        if (field.get(container) != null) {
          // it already opened connections on Tomcat's group: leave it
          return false;
        }
        field.set(container, group);
        return true;
      } catch (NoSuchFieldException | IllegalAccessException | RuntimeException ex) {
        log.debug("Cannot give this Tomcat WebSocket client its own I/O group: {}", ex.toString());
        return false;
      }
    }

    private static Field basicRemoteField() {
      try {
        Field field = WsSession.class.getDeclaredField("remoteEndpointBasic");
        if (!RemoteEndpoint.Basic.class.isAssignableFrom(field.getType())) {
          return null;
        }
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException | RuntimeException ex) {
        log.debug("This Tomcat version keeps no remoteEndpointBasic field: {}", ex.toString());
        return null;
      }
    }
  }

  /** Answers pings within a budget and hands every other call to Tomcat's endpoint. */
  private static final class PingGuard implements RemoteEndpoint.Basic {
    private final RemoteEndpoint.Basic delegate;
    private final PingBudget budget;
    private final Runnable onFlood;
    private final AtomicBoolean flooded = new AtomicBoolean();

    PingGuard(RemoteEndpoint.Basic delegate, PingBudget budget, Runnable onFlood) {
      this.delegate = delegate;
      this.budget = budget;
      this.onFlood = onFlood;
    }

    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException {
      if (flooded.get()) {
        return;
      }
      if (budget.tryAcquire()) {
        delegate.sendPong(applicationData);
      } else if (flooded.compareAndSet(false, true)) {
        onFlood.run();
      }
    }

    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException {
      delegate.sendPing(applicationData);
    }

    @Override
    public void sendText(String text) throws IOException {
      delegate.sendText(text);
    }

    @Override
    public void sendBinary(ByteBuffer data) throws IOException {
      delegate.sendBinary(data);
    }

    @Override
    public void sendText(String partialMessage, boolean isLast) throws IOException {
      delegate.sendText(partialMessage, isLast);
    }

    @Override
    public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
      delegate.sendBinary(partialByte, isLast);
    }

    @Override
    public OutputStream getSendStream() throws IOException {
      return delegate.getSendStream();
    }

    @Override
    public Writer getSendWriter() throws IOException {
      return delegate.getSendWriter();
    }

    @Override
    public void sendObject(Object data) throws IOException, jakarta.websocket.EncodeException {
      delegate.sendObject(data);
    }

    @Override
    public void setBatchingAllowed(boolean allowed) throws IOException {
      delegate.setBatchingAllowed(allowed);
    }

    @Override
    public boolean getBatchingAllowed() {
      return delegate.getBatchingAllowed();
    }

    @Override
    public void flushBatch() throws IOException {
      delegate.flushBatch();
    }
  }
}
