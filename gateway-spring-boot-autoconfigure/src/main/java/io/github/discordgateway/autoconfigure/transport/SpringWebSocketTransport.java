package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.rest.GatewayDiscovery;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
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
 * <p>Threads: Tomcat's JSR-356 client reads every connection on one shared asynchronous channel
 * group, whose threads follow the number of reads in progress at once, not the number of
 * connections. Its connect call blocks a thread for the handshake; {@code StandardWebSocketClient}
 * runs it on a {@code SimpleAsyncTaskExecutor} by default, one new thread per connection attempt.
 * {@link #standardClient(int)} bounds that with a small shared pool whose threads end when idle, so
 * a start of many shards does not create a thread per shard.
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
                  new TimeoutException(
                      "No WebSocket connection to " + redact(uri) + " within " + connectTimeout))) {
                attempt.cancel(true);
              }
            });
    return result;
  }

  /**
   * Creates the default {@link StandardWebSocketClient} with a bounded connect executor: at most
   * {@code connectThreads} handshakes run at once (more wait in a queue), on daemon threads named
   * {@code discord-gateway-connect-N} that end after 30 s without work.
   *
   * <pre>{@code
   * GatewayTransport transport = new SpringWebSocketTransport(
   *     SpringWebSocketTransport.standardClient(4), 16 * 1024 * 1024, Duration.ofSeconds(10));
   * }</pre>
   *
   * @param connectThreads handshakes in parallel (at least 1)
   * @return the client
   */
  public static StandardWebSocketClient standardClient(int connectThreads) {
    if (connectThreads < 1) {
      throw new IllegalArgumentException("connectThreads must be at least 1: " + connectThreads);
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
    StandardWebSocketClient client = new StandardWebSocketClient();
    client.setTaskExecutor(new TaskExecutorAdapter(executor));
    return client;
  }

  /** Returns the URI without its query, for messages. */
  static String redact(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getAuthority()
        + (uri.getPath() == null ? "" : uri.getPath());
  }

  @Override
  public String toString() {
    return "SpringWebSocketTransport[client=" + client.getClass().getSimpleName() + "]";
  }
}
