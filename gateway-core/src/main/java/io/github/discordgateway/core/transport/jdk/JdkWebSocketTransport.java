package io.github.discordgateway.core.transport.jdk;

import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.rest.internal.GatewayDiscovery;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.internal.TransportMessages;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GatewayTransport} over the JDK's WebSocket client ({@code java.net.http.WebSocket}),
 * without any framework.
 *
 * <p>Threads: one {@link HttpClient} serves every connection of the transport. Its selector thread
 * reads and writes every socket, and a bounded pool of daemon threads named {@code
 * discord-gateway-jdk-N} (idle ones end after 60 s) runs the TLS work and hands the messages to the
 * handlers. That holds for {@code wss://} as for {@code ws://}: the thread count does not grow with
 * the number of connections. Sends never block the caller: each connection queues its frames
 * (bounded) and writes them one after the other.
 *
 * <p>Reading is on demand: one message part at a time, requested after the previous one was handed
 * over, so {@link GatewayConnection#pauseReading()} simply stops asking. Messages arrive in parts
 * and are assembled here; a message over {@code maxMessageSize} is refused as soon as its parts go
 * over it ({@link io.github.discordgateway.core.transport.MessageTooLargeException}): the
 * connection is closed at once. More than 100 pings in one second close it too ({@link
 * io.github.discordgateway.core.transport.ControlFrameFloodException}); the JDK answers pings
 * itself. {@link ConnectionHandler#onReadComplete()} follows the messages of each socket read: the
 * client hands a read to the pool as one task, and the connections that delivered messages in it
 * are told when the task ends ({@link PoolThread}), or after 32 messages, as the JDK goes on
 * reading in the same task while data keeps arriving; on other threads it follows every message.
 *
 * <p>Close codes the JDK refuses to send (1009 among them) go on the wire as 1008; the handler
 * still sees the code asked for. A close frame of ours that the server does not answer within a
 * second drops the socket.
 *
 * <pre>{@code
 * try (JdkWebSocketTransport transport =
 *     new JdkWebSocketTransport(16 * 1024 * 1024, Duration.ofSeconds(10))) {
 *   ShardManager manager = ShardManager.builder(settings, transport).build();
 *   ...
 * }
 * }</pre>
 */
public final class JdkWebSocketTransport implements GatewayTransport, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JdkWebSocketTransport.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int maxMessageSize;
  private final Duration sendTimeLimit;
  private final ThreadPoolExecutor executor;
  private final HttpClient client;
  private final Set<JdkGatewayConnection> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Creates a transport with {@link #defaultThreads()} threads.
   *
   * @param maxMessageSize the largest message accepted, in bytes (text messages: in characters)
   * @param sendTimeLimit how long one frame may take to be written before the connection is
   *     considered dead
   */
  public JdkWebSocketTransport(int maxMessageSize, Duration sendTimeLimit) {
    this(maxMessageSize, sendTimeLimit, defaultThreads());
  }

  /**
   * Creates a transport.
   *
   * @param maxMessageSize the largest message accepted, in bytes (text messages: in characters)
   * @param sendTimeLimit how long one frame may take to be written before the connection is
   *     considered dead
   * @param threads the most pool threads handling messages and TLS at once (at least 1)
   */
  public JdkWebSocketTransport(int maxMessageSize, Duration sendTimeLimit, int threads) {
    if (maxMessageSize <= 0) {
      throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.maxMessageSize = maxMessageSize;
    this.sendTimeLimit = Objects.requireNonNull(sendTimeLimit, "sendTimeLimit");
    int pool = POOLS.incrementAndGet();
    String prefix = pool == 1 ? "discord-gateway-jdk-" : "discord-gateway-jdk-" + pool + "-";
    AtomicInteger counter = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            // unbounded: the HttpClient hands its tasks over and must never be refused
            new LinkedBlockingQueue<>(),
            runnable -> new PoolThread(runnable, prefix + counter.incrementAndGet())) {
          @Override
          protected void afterExecute(Runnable task, Throwable error) {
            PoolThread.taskEnded();
          }
        };
    executor.allowCoreThreadTimeOut(true);
    this.client = HttpClient.newBuilder().executor(executor).build();
  }

  /** Returns the default number of pool threads: the processor count, at least 2 and at most 16. */
  public static int defaultThreads() {
    return Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public CompletableFuture<GatewayConnection> connect(
      URI uri, ConnectionHandler handler, Duration connectTimeout) {
    CompletableFuture<GatewayConnection> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("The transport is closed"));
      return result;
    }
    JdkGatewayConnection connection =
        new JdkGatewayConnection(handler, maxMessageSize, sendTimeLimit, executor);
    CompletableFuture<WebSocket> attempt;
    try {
      attempt =
          client
              .newWebSocketBuilder()
              .header("User-Agent", GatewayDiscovery.USER_AGENT)
              .connectTimeout(connectTimeout)
              .buildAsync(uri, connection);
    } catch (RuntimeException ex) {
      result.completeExceptionally(ex);
      return result;
    }
    connections.add(connection);
    connection.ended().whenComplete((ignored, error) -> connections.remove(connection));
    attempt.whenComplete(
        (socket, error) -> {
          if (error != null) {
            connection.abandon();
            Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            // the JDK's own handshake timeout reports as ours does
            result.completeExceptionally(
                cause instanceof HttpTimeoutException
                    ? timedOut(uri, connectTimeout, cause)
                    : cause);
          } else if (!result.complete(connection)) {
            // the caller gave up (timeout): nobody owns this late connection
            connection.abandon();
          }
        });
    // the builder's timeout ends the handshake in the JDK; this one also bounds what precedes it
    CompletableFuture.delayedExecutor(
            connectTimeout.toMillis(),
            TimeUnit.MILLISECONDS,
            task -> JdkGatewayConnection.runOn(executor, task))
        .execute(
            () -> {
              if (result.completeExceptionally(timedOut(uri, connectTimeout, null))) {
                connection.abandon();
                attempt.cancel(true);
              }
            });
    return result;
  }

  /**
   * Closes the transport: refuses new connections, sends a close frame ({@value
   * CloseCode#RESUMABLE_CLOSE}, so that the sessions stay resumable) on every connection still
   * open, waits up to a few seconds for them to end, then stops the pool threads (and, on Java 21
   * and later, the HTTP client's selector thread; before that it ends once the client is
   * unreachable). Normally the shard manager closed its connections before.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<JdkGatewayConnection> open = List.copyOf(connections);
    for (JdkGatewayConnection connection : open) {
      connection.close(CloseCode.RESUMABLE_CLOSE, "Transport closed");
    }
    CompletableFuture<?>[] ends =
        open.stream().map(JdkGatewayConnection::ended).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(ends)
          .get(
              JdkGatewayConnection.CLOSE_ANSWER_WAIT.toMillis() + sendTimeLimit.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ex) {
      log.debug("Connections still open when the transport closed: {}", ex.toString());
    }
    for (JdkGatewayConnection connection : List.copyOf(connections)) {
      connection.abort();
    }
    executor.shutdown();
    shutdownClient();
  }

  /** Ends the client's selector thread where the JDK can (Java 21: {@code shutdownNow()}). */
  private void shutdownClient() {
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
      shutdownNow.invoke(client);
    } catch (NoSuchMethodException ex) {
      // Java 17: the selector thread ends once the client is unreachable
    } catch (ReflectiveOperationException | RuntimeException ex) {
      log.debug("Could not shut the HTTP client down: {}", ex.toString());
    }
  }

  private static TimeoutException timedOut(URI uri, Duration connectTimeout, Throwable cause) {
    TimeoutException timeout =
        new TimeoutException(TransportMessages.connectTimedOut(uri, connectTimeout));
    if (cause != null) {
      timeout.initCause(cause);
    }
    return timeout;
  }

  @Override
  public String toString() {
    return "JdkWebSocketTransport[threads=" + executor.getMaximumPoolSize() + "]";
  }
}
