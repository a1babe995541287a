package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.shard.ShardManager;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the shards when the application context starts its lifecycle beans (during {@code
 * refresh()}, before the {@code ApplicationReadyEvent}) and disconnects them gracefully before it
 * closes. Starting does not wait for the shards to connect: with {@code shards.total: auto} it asks
 * Discord for the shard count (a rejected token then fails the start-up with a clear report), then
 * connects in the background; a shard that hits a fatal close code (bad token, disallowed intents)
 * is logged at ERROR and published as a {@code ShardFatalEvent}. Stopping closes every connection
 * with a resumable code, so the next start of the application resumes the sessions kept in the
 * {@link io.github.discordgateway.core.session.SessionStore}.
 *
 * <p>While it runs, a non-daemon thread named {@value #KEEP_ALIVE_THREAD} keeps the JVM alive, the
 * way message listener containers do: an application without a web server does not exit after its
 * {@code main} returns. Closing the context (for example on SIGTERM, through Spring Boot's shutdown
 * hook) stops the shards and ends that thread.
 *
 * <p>Runs in the last phase ({@link SmartLifecycle#DEFAULT_PHASE}): it starts after and stops
 * before the other lifecycle beans, such as the web server.
 */
public final class DiscordGatewayLifecycle implements SmartLifecycle {

  /** Name of the non-daemon thread that keeps the JVM alive while the gateway runs. */
  public static final String KEEP_ALIVE_THREAD = "discord-gateway-keep-alive";

  private static final Logger log = LoggerFactory.getLogger(DiscordGatewayLifecycle.class);

  private final ShardManager shardManager;
  private final Duration stopTimeout;
  private final boolean autoStartup;
  private volatile boolean running;
  private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile CountDownLatch keepAlive = new CountDownLatch(0);

  /**
   * Creates the lifecycle.
   *
   * @param shardManager the shards to run
   * @param stopTimeout how long stopping waits for the connections to close
   * @param autoStartup whether to start with the application context
   */
  public DiscordGatewayLifecycle(
      ShardManager shardManager, Duration stopTimeout, boolean autoStartup) {
    this.shardManager = Objects.requireNonNull(shardManager, "shardManager");
    this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    this.autoStartup = autoStartup;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public void start() {
    if (running) {
      return;
    }
    CompletableFuture<Void> started;
    try {
      started = shardManager.start();
    } catch (GatewayException ex) {
      log.error("The Discord gateway cannot start ({}): {}", ex.kind(), ex.getMessage());
      throw ex;
    }
    running = true;
    ready = started;
    startKeepAlive();
    started.whenComplete(
        (ok, error) -> {
          if (error == null) {
            log.info(
                "Discord gateway connected: {} shard(s) of {} live",
                shardManager.shardIds().size(),
                shardManager.totalShards());
          } else {
            Throwable cause = unwrap(error);
            if (!running) {
              // stopped on purpose before every shard was live: not an error
              log.debug("The Discord gateway stopped before it was ready: {}", cause.toString());
            } else if (cause instanceof GatewayException gateway) {
              log.error(
                  "The Discord gateway stopped a shard ({}): {}",
                  gateway.kind(),
                  cause.getMessage());
            } else {
              log.warn("The Discord gateway did not connect: {}", cause.toString());
            }
          }
        });
  }

  private void startKeepAlive() {
    CountDownLatch latch = new CountDownLatch(1);
    keepAlive = latch;
    Thread thread =
        new Thread(
            () -> {
              try {
                latch.await();
              } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
              }
            },
            KEEP_ALIVE_THREAD);
    thread.setDaemon(false);
    thread.start();
  }

  /**
   * Returns a future that completes when every shard of this process is live (READY or RESUMED)
   * after the last start, and fails when a shard stopped for good.
   */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  @Override
  public void stop() {
    stop(() -> {});
  }

  @Override
  public void stop(Runnable callback) {
    if (!running) {
      callback.run();
      return;
    }
    running = false;
    keepAlive.countDown();
    log.info("Disconnecting the Discord gateway (resumable close)");
    shardManager
        .stop()
        .orTimeout(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                log.warn(
                    "The Discord gateway did not disconnect within {}: {}",
                    stopTimeout,
                    unwrap(error).toString());
              }
              callback.run();
            });
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  @Override
  public String toString() {
    return "DiscordGatewayLifecycle[running=" + running + ", " + shardManager + "]";
  }
}
