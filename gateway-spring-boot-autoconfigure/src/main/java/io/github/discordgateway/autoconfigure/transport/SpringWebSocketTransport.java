package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.rest.internal.GatewayDiscovery;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.internal.TransportMessages;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * A {@link GatewayTransport} over spring-websocket's {@link WebSocketClient}: by default the {@code
 * StandardWebSocketClient} on Tomcat's JSR-356 client, or any client the application provides.
 *
 * <p>Threads: Tomcat's JSR-356 client reads every connection on one process-wide asynchronous
 * channel group whose pool has no upper bound (its threads follow the reads in progress at once).
 * Its connect call blocks a thread for the handshake; {@code StandardWebSocketClient} runs it on a
 * {@code SimpleAsyncTaskExecutor} by default, one new thread per connection attempt. {@link
 * #standardClient(int, int)} bounds both: a small shared connect pool, and a channel group of its
 * own over a bounded pool, both with threads that end when idle, so a start of many shards does not
 * create a thread per shard.
 *
 * <p>Read ends: on the I/O threads of {@link #standardClient(int, int)}, a handler's {@link
 * ConnectionHandler#onReadComplete()} follows the messages of each socket read (several messages
 * when the server sent them together); on any other thread (other clients, TLS connections, whose
 * reads Tomcat runs on threads of its own) it follows every message.
 *
 * <p>Messages are received as partial messages and assembled here, so the WebSocket library keeps
 * only small per-connection buffers while a single message (a large {@code GUILD_CREATE}) can still
 * reach {@code maxMessageSize}. A message over that size closes the connection with 1009.
 *
 * <pre>{@code
 * GatewayTransport transport =
 *     new SpringWebSocketTransport(new StandardWebSocketClient(), 8 * 1024 * 1024, Duration.ofSeconds(10));
 * }</pre>
 */
public final class SpringWebSocketTransport implements GatewayTransport {

  private final WebSocketClient client;
  private final int maxMessageSize;
  private final Duration sendTimeLimit;

  /**
   * Creates a transport.
   *
   * @param client the WebSocket client that opens the connections
   * @param maxMessageSize the largest message accepted, in bytes (text messages: in characters)
   * @param sendTimeLimit how long one send may block before the connection is considered dead
   */
  public SpringWebSocketTransport(
      WebSocketClient client, int maxMessageSize, Duration sendTimeLimit) {
    this.client = Objects.requireNonNull(client, "client");
    if (maxMessageSize <= 0) {
      throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
    }
    this.maxMessageSize = maxMessageSize;
    this.sendTimeLimit = Objects.requireNonNull(sendTimeLimit, "sendTimeLimit");
  }

  @Override
  public CompletableFuture<GatewayConnection> connect(
      URI uri, ConnectionHandler handler, Duration connectTimeout) {
    SessionAdapter adapter = new SessionAdapter(handler, maxMessageSize, sendTimeLimit);
    CompletableFuture<GatewayConnection> result = new CompletableFuture<>();
    CompletableFuture<?> attempt;
    try {
      WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
      headers.set("User-Agent", GatewayDiscovery.USER_AGENT);
      attempt = client.execute(adapter, headers, uri);
    } catch (RuntimeException ex) {
      result.completeExceptionally(ex);
      return result;
    }
    attempt.whenComplete(
        (session, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
          } else if (!result.complete(adapter.connection())) {
            // the caller gave up (timeout): nobody owns this late connection
            adapter.connection().abortQuietly();
          }
        });
    long millis = connectTimeout.toMillis();
    CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (result.completeExceptionally(
                  new TimeoutException(TransportMessages.connectTimedOut(uri, connectTimeout)))) {
                attempt.cancel(true);
              }
            });
    return result;
  }

  /**
   * Creates the default {@link StandardWebSocketClient} with {@link #standardClient(int, int)} and
   * the default number of I/O threads: twice the available processors, at least 4 and at most 16.
   *
   * @param connectThreads handshakes in parallel (at least 1)
   * @return the client; it is {@link AutoCloseable}
   */
  public static StandardWebSocketClient standardClient(int connectThreads) {
    return standardClient(connectThreads, IoThreads.defaultThreads());
  }

  /**
   * Creates the default {@link StandardWebSocketClient} on Tomcat's JSR-356 client with bounded
   * threads:
   *
   * <ul>
   *   <li>a connect executor: at most {@code connectThreads} handshakes run at once (more wait in a
   *       queue), on daemon threads named {@code discord-gateway-connect-N} that end after 30 s
   *       without work;
   *   <li>its own socket I/O threads: at most {@code ioThreads} daemon threads named {@code
   *       discord-gateway-io-N} (plus one polling thread of the JDK's channel group) read every
   *       connection the client opens, instead of the process-wide pool of Tomcat's client, which
   *       has no upper bound. Idle ones end after 60 s. A pool thread is only ever blocked by a
   *       send to a peer that stopped reading (Tomcat answers pings and close frames from the read
   *       path), for at most Tomcat's send timeout; the others keep reading meanwhile.
   * </ul>
   *
   * <p>Over TLS ({@code wss://}) Tomcat's client does not read on the channel group: each TLS
   * connection gets a pool of up to two threads of its own ({@code WebSocketClient-SecureIO-N}) for
   * as long as it is open, whatever is configured here.
   *
   * <p>The returned client is {@link AutoCloseable}: closing it refuses new connections and ends
   * its threads once the connections it opened are closed by their owners (a Spring bean is closed
   * with its context, after the shard manager that uses it). Where the JSR-356 container is not
   * Tomcat's, the I/O threads are not used and nothing else changes.
   *
   * <pre>{@code
   * GatewayTransport transport = new SpringWebSocketTransport(
   *     SpringWebSocketTransport.standardClient(4, 8), 16 * 1024 * 1024, Duration.ofSeconds(10));
   * }</pre>
   *
   * @param connectThreads handshakes in parallel (at least 1)
   * @param ioThreads threads reading and writing sockets at once (at least 1)
   * @return the client; it is {@link AutoCloseable}
   */
  public static StandardWebSocketClient standardClient(int connectThreads, int ioThreads) {
    if (connectThreads < 1) {
      throw new IllegalArgumentException("connectThreads must be at least 1: " + connectThreads);
    }
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
    }
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(runnable, "discord-gateway-connect-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            connectThreads,
            connectThreads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            factory);
    executor.allowCoreThreadTimeOut(true);
    WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    IoThreads io = IoThreads.start(ioThreads);
    if (!TomcatSessions.useChannelGroup(container, io.group())) {
      io.close();
      io = null;
    }
    StandardWebSocketClient client = new PooledClient(container, io, executor);
    client.setTaskExecutor(new TaskExecutorAdapter(executor));
    return client;
  }

  /** The client of {@link #standardClient(int, int)}: owns its threads and ends them on close. */
  private static final class PooledClient extends StandardWebSocketClient implements AutoCloseable {
    private final IoThreads io;
    private final ThreadPoolExecutor connectExecutor;

    PooledClient(WebSocketContainer container, IoThreads io, ThreadPoolExecutor connectExecutor) {
      super(container);
      this.io = io;
      this.connectExecutor = connectExecutor;
    }

    @Override
    public void close() {
      connectExecutor.shutdown();
      if (io != null) {
        io.close();
      }
    }

    @Override
    public String toString() {
      return "StandardWebSocketClient[ioThreads="
          + (io == null ? "container's" : String.valueOf(io.maxThreads()))
          + "]";
    }
  }

  @Override
  public String toString() {
    return "SpringWebSocketTransport[client=" + client.getClass().getSimpleName() + "]";
  }
}
