package io.github.discordgateway.core.transport.jdk;

import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.ControlFrameFloodException;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.MessageTooLargeException;
import io.github.discordgateway.core.transport.internal.PingBudget;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@link JdkWebSocketTransport}: the JDK WebSocket's listener (reading on
 * demand, assembling partial messages, bounding pings) and the {@link GatewayConnection} the core
 * writes to.
 *
 * <p>Reading is demand-driven: after each message part (or ping, or pong) is handled, one more is
 * requested, unless reading is paused; then the request is owed and made on resume. So a paused
 * connection holds at most what the JDK had already read from the socket, and TCP flow control
 * slows the server down.
 */
final class JdkGatewayConnection implements GatewayConnection, WebSocket.Listener {

  private static final Logger log = LoggerFactory.getLogger(JdkGatewayConnection.class);

  /** The most messages delivered before the handler is told a read ended. */
  static final int MESSAGES_PER_READ = 32;

  /** How long a close frame of ours may go unanswered before the socket is dropped. */
  static final Duration CLOSE_ANSWER_WAIT = Duration.ofSeconds(1);

  private final ConnectionHandler handler;
  private final PartialMessages parts;
  private final PingBudget pings = new PingBudget();
  private final Duration sendTimeLimit;
  private final Executor executor;
  private final AtomicBoolean closeRequested = new AtomicBoolean();
  private final AtomicBoolean closedReported = new AtomicBoolean();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile WebSocket socket;
  private volatile SendQueue sends;
  // set when the caller gave up waiting for the handshake: the late connection is dropped
  private volatile boolean abandoned;
  // set on a message over the limit or a ping flood: nothing more is read or delivered
  private volatile boolean failed;
  // messages delivered since the last read end (volatile: a resume may deliver on another thread)
  private volatile int sinceReadEnd;
  // guarded by this
  private boolean paused;
  private boolean owed;

  JdkGatewayConnection(
      ConnectionHandler handler, int maxMessageSize, Duration sendTimeLimit, Executor executor) {
    this.handler = handler;
    this.parts = new PartialMessages(maxMessageSize);
    this.sendTimeLimit = sendTimeLimit;
    this.executor = executor;
  }

  /** Completes once the connection ended (closed, dropped or abandoned). */
  CompletableFuture<Void> ended() {
    return ended;
  }

  /** Drops the connection if it opens after all: its caller stopped waiting for it. */
  void abandon() {
    abandoned = true;
    if (socket != null) {
      abort();
    } else {
      // never opened, or opens later and is dropped then (it reads the flag after setting socket)
      ended.complete(null);
    }
  }

  // ------------------------------------------------------------------ receiving

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    sends = new SendQueue(webSocket, sendTimeLimit, this::sendFailed);
    if (abandoned) {
      webSocket.abort();
      finish();
      return;
    }
    handler.onOpen(this);
    demand();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (failed) {
      return null;
    }
    String whole;
    try {
      whole = parts.text(data, last);
    } catch (MessageTooLargeException ex) {
      refuse(ex, 1009, "Message too big");
      return null;
    }
    if (whole != null) {
      try {
        handler.onText(whole);
      } catch (RuntimeException ex) {
        log.warn("Connection handler failed on a text message", ex);
      }
      delivered();
    }
    demand();
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    if (failed) {
      return null;
    }
    ByteBuffer whole;
    try {
      whole = parts.binary(data, last);
    } catch (MessageTooLargeException ex) {
      refuse(ex, 1009, "Message too big");
      return null;
    }
    if (whole != null) {
      try {
        handler.onBinary(whole);
      } catch (RuntimeException ex) {
        log.warn("Connection handler failed on a binary message", ex);
      }
      delivered();
    }
    demand();
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    // the JDK has already queued the pong (it keeps at most one waiting, the latest)
    if (failed) {
      return null;
    }
    if (!pings.tryAcquire()) {
      refuse(
          new ControlFrameFloodException(
              "The server sent more than "
                  + pings.limit()
                  + " pings in one second; dropping the connection"),
          1008,
          "Ping flood");
      return null;
    }
    demand();
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    demand();
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    // returning null: the JDK answers with the same code (unless our close frame went first)
    reportClosed(statusCode, reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    if (!closedReported.get()) {
      handler.onError(error);
    }
    reportClosed(1006, "Connection failed: " + error.getClass().getSimpleName());
  }

  /** Requests the next message part, or owes the request while reading is paused. */
  private void demand() {
    synchronized (this) {
      if (paused) {
        owed = true;
        return;
      }
    }
    socket.request(1);
  }

  /**
   * Called after a message went to the handler: the read ends when the pool task ends, or after
   * {@link #MESSAGES_PER_READ} messages, since the JDK keeps reading within one task for as long as
   * data arrives and a handler must hear of read ends while a fast server keeps sending.
   */
  private void delivered() {
    if (++sinceReadEnd >= MESSAGES_PER_READ || !PoolThread.delivered(this)) {
      readEnded();
    }
  }

  /** Called when the pool task that delivered messages ended. */
  void taskEnded() {
    if (sinceReadEnd > 0) {
      readEnded();
    }
  }

  /** Tells the handler that the messages of the current read have all been handed over. */
  private void readEnded() {
    sinceReadEnd = 0;
    try {
      handler.onReadComplete();
    } catch (RuntimeException ex) {
      log.warn("Connection handler failed at the end of a read", ex);
    }
  }

  /**
   * Stops reading for good, reports {@code error}, sends a close frame and drops the socket without
   * waiting for the server's answer: for a server that misbehaves (a message over the limit, a ping
   * flood), whose rest of the message would cost cores to read to the end.
   */
  private void refuse(RuntimeException error, int code, String reason) {
    failed = true;
    handler.onError(error);
    closeRequested.set(true);
    SendQueue queue = sends;
    queue.end();
    WebSocket current = socket;
    CompletableFuture<WebSocket> sent;
    try {
      // the JDK sends no 1009 itself: 1008 (policy violation) says the same on the wire
      sent = current.sendClose(CloseFrames.wireCode(code), reason);
    } catch (RuntimeException ex) {
      sent = CompletableFuture.failedFuture(ex);
    }
    sent.copy()
        .completeOnTimeout(current, CLOSE_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (ignored, sendError) -> {
              current.abort();
              reportClosed(code, reason);
            });
  }

  // ------------------------------------------------------------------ sending

  @Override
  public void sendText(String payload) {
    SendQueue queue = sends;
    if (!isOpen() || !queue.text(payload)) {
      log.debug("Dropping a frame for a closed connection");
    }
  }

  @Override
  public void sendBinary(byte[] payload) {
    SendQueue queue = sends;
    if (!isOpen() || !queue.binary(payload)) {
      log.debug("Dropping a frame for a closed connection");
    }
  }

  @Override
  public void close(int code, String reason) {
    if (!closeRequested.compareAndSet(false, true) || closedReported.get()) {
      return;
    }
    sends.close(CloseFrames.wireCode(code), CloseFrames.truncate(reason), this::awaitCloseAnswer);
  }

  /** Drops the socket when the server has not answered our close frame in time. */
  private void awaitCloseAnswer() {
    Executor delayed =
        CompletableFuture.delayedExecutor(
            CLOSE_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS, task -> runOn(executor, task));
    delayed.execute(
        () -> {
          if (!closedReported.get()) {
            socket.abort();
            reportClosed(1006, "No close answer");
          }
        });
  }

  /** Runs {@code task} on {@code executor}, or here once that is shut down. */
  static void runOn(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException ex) {
      // the transport is closed: its pool runs nothing more, but the socket must still go
      task.run();
    }
  }

  private void sendFailed(Throwable error) {
    if (closeRequested.get() || closedReported.get()) {
      log.debug("Sending a frame failed on a closing connection: {}", error.toString());
      return;
    }
    log.warn("Sending a frame failed; dropping the connection: {}", error.toString());
    handler.onError(error);
    socket.abort();
    reportClosed(1006, "Send failed");
  }

  @Override
  public void abort() {
    failed = true;
    WebSocket current = socket;
    if (current != null) {
      current.abort();
    }
    reportClosed(1006, "Aborted locally");
  }

  @Override
  public void pauseReading() {
    synchronized (this) {
      paused = true;
    }
  }

  @Override
  public void resumeReading() {
    synchronized (this) {
      if (!paused) {
        return;
      }
      paused = false;
      if (!owed) {
        return;
      }
      owed = false;
    }
    if (!failed) {
      // not on this thread: the JDK would deliver right inside request(), and go on reading from
      // the socket there for as long as data comes, on a thread (the shard's) that cannot pause it
      WebSocket current = socket;
      runOn(executor, () -> current.request(1));
    }
  }

  @Override
  public boolean isOpen() {
    WebSocket current = socket;
    return current != null
        && !closeRequested.get()
        && !closedReported.get()
        && !current.isOutputClosed()
        && !current.isInputClosed();
  }

  private void reportClosed(int code, String reason) {
    if (!closedReported.compareAndSet(false, true)) {
      return;
    }
    SendQueue queue = sends;
    if (queue != null) {
      queue.end();
    }
    finish();
    try {
      handler.onClosed(code, reason == null ? "" : reason);
    } catch (RuntimeException ex) {
      log.warn("Connection handler failed on close", ex);
    }
  }

  private void finish() {
    ended.complete(null);
  }
}
