package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.rest.GatewayDiscovery;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link ShardManager}: the shard layout, the shared resources (scheduler, executors,
 * identify limiter, session store) and the listener. {@link #build()} takes a snapshot, so the
 * manager's configuration is immutable once built.
 *
 * <pre>{@code
 * ShardManager manager = ShardManager.builder(settings, transport)
 *     .totalShards(4)
 *     .shardIds("0-1")
 *     .listener(event -> { ... })
 *     .build();
 * }</pre>
 */
public final class ShardManagerBuilder {
  private final GatewaySettings settings;
  private final GatewayTransport transport;
  private Integer totalShards = 1;
  private String shardIds;
  private String gatewayUrl;
  private URI apiUrl = URI.create("https://discord.com/api/v10");
  private Duration restTimeout = Duration.ofSeconds(10);
  private Duration restMaxWait = GatewayDiscovery.DEFAULT_MAX_WAIT;
  private int maxConcurrency = 1;
  private IdentifyLimiter identifyLimiter;
  private SessionStore sessionStore = new InMemorySessionStore();
  private GatewayScheduler scheduler;
  private Executor deliveryExecutor;
  private InstantSource clock = InstantSource.system();
  private Supplier<RandomGenerator> random = ThreadLocalRandom::current;
  private ShardOptions options = ShardOptions.defaults();
  private GatewayEventListener listener = event -> {};
  private ShardObserver observer = ShardObserver.NONE;
  private Executor sendExecutor;
  private Duration commandTimeout = Duration.ofSeconds(30);
  private Duration waveTimeout = Duration.ofSeconds(60);

  ShardManagerBuilder(GatewaySettings settings, GatewayTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  /**
   * Uses a fixed shard count.
   *
   * @param total the bot's total shard count (at least 1)
   * @return this
   */
  public ShardManagerBuilder totalShards(int total) {
    if (total < 1) {
      throw new IllegalArgumentException("The shard total must be at least 1, but was " + total);
    }
    this.totalShards = total;
    return this;
  }

  /**
   * Asks {@code GET /gateway/bot} for the shard count at start.
   *
   * @return this
   */
  public ShardManagerBuilder autoShards() {
    this.totalShards = null;
    return this;
  }

  /**
   * Runs only these shard ids (ranges and lists, for example {@code "0-7"} or {@code "0,2,4"});
   * {@code null} for all.
   *
   * @param spec the ids
   * @return this
   */
  public ShardManagerBuilder shardIds(String spec) {
    this.shardIds = spec;
    return this;
  }

  /**
   * Connects to this gateway URL instead of the discovered one (proxies, tests). With a fixed shard
   * count, no REST call is made at all.
   *
   * @param url the WebSocket URL without query
   * @return this
   */
  public ShardManagerBuilder gatewayUrl(String url) {
    this.gatewayUrl = url;
    return this;
  }

  /**
   * Sets the REST base URL used for {@code GET /gateway/bot}.
   *
   * @param apiUrl for example {@code https://discord.com/api/v10}
   * @return this
   */
  public ShardManagerBuilder apiUrl(URI apiUrl) {
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    return this;
  }

  /**
   * Sets the REST timeout.
   *
   * @param timeout the timeout
   * @return this
   */
  public ShardManagerBuilder restTimeout(Duration timeout) {
    this.restTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Sets how long start-up keeps retrying {@code GET /gateway/bot} after network errors, 5xx
   * answers and rate limits before it fails (default {@link GatewayDiscovery#DEFAULT_MAX_WAIT}).
   *
   * @param maxWait the total wait; {@link Duration#ZERO} for a single attempt
   * @return this
   */
  public ShardManagerBuilder restMaxWait(Duration maxWait) {
    this.restMaxWait = Objects.requireNonNull(maxWait, "maxWait");
    return this;
  }

  /**
   * Sets {@code max_concurrency} for when it is not discovered over REST.
   *
   * @param maxConcurrency identify buckets (at least 1)
   * @return this
   */
  public ShardManagerBuilder maxConcurrency(int maxConcurrency) {
    this.maxConcurrency = Math.max(1, maxConcurrency);
    return this;
  }

  /**
   * Replaces the in-process identify limiter (for example by a distributed one).
   *
   * @param limiter the limiter
   * @return this
   */
  public ShardManagerBuilder identifyLimiter(IdentifyLimiter limiter) {
    this.identifyLimiter = limiter;
    return this;
  }

  /**
   * Replaces the in-memory session store.
   *
   * @param store the store
   * @return this
   */
  public ShardManagerBuilder sessionStore(SessionStore store) {
    this.sessionStore = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Uses this scheduler for heartbeats and timers (the manager then does not own one).
   *
   * @param scheduler the scheduler
   * @return this
   */
  public ShardManagerBuilder scheduler(GatewayScheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /**
   * Uses this executor to run listeners (the manager then does not own one).
   *
   * @param executor the executor
   * @return this
   */
  public ShardManagerBuilder deliveryExecutor(Executor executor) {
    this.deliveryExecutor = executor;
    return this;
  }

  /**
   * Sets the time source.
   *
   * @param clock the clock
   * @return this
   */
  public ShardManagerBuilder clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the source of jitter.
   *
   * @param random supplies a random generator per use
   * @return this
   */
  public ShardManagerBuilder random(Supplier<RandomGenerator> random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /**
   * Sets connection and delivery options.
   *
   * @param options the options
   * @return this
   */
  public ShardManagerBuilder options(ShardOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Sets the listener of every shard.
   *
   * @param listener the listener
   * @return this
   */
  public ShardManagerBuilder listener(GatewayEventListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Sets the metrics hooks.
   *
   * @param observer the observer
   * @return this
   */
  public ShardManagerBuilder observer(ShardObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * Writes frames on this executor (the manager then does not own one). It must be able to run one
   * connection's writes while another's block (a cached pool, not a single thread).
   *
   * @param executor the executor
   * @return this
   */
  public ShardManagerBuilder sendExecutor(Executor executor) {
    this.sendExecutor = executor;
    return this;
  }

  /**
   * Sets how long a command sent while its shard reconnects waits for the next session before it
   * fails with {@code NOT_CONNECTED} (default 30 s).
   *
   * @param timeout the timeout
   * @return this
   */
  public ShardManagerBuilder commandTimeout(Duration timeout) {
    this.commandTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Sets how long a start wave waits for its shards to send Identify or Resume before the next wave
   * starts anyway (default 60 s).
   *
   * @param timeout the timeout
   * @return this
   */
  public ShardManagerBuilder waveTimeout(Duration timeout) {
    this.waveTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Returns the manager (not started); later changes to this builder do not reach it. */
  public ShardManager build() {
    return new ShardManager(config());
  }

  /** Returns a snapshot of what this builder was given. */
  ShardManagerConfig config() {
    return new ShardManagerConfig(
        settings,
        transport,
        totalShards,
        shardIds,
        gatewayUrl,
        apiUrl,
        restTimeout,
        restMaxWait,
        maxConcurrency,
        identifyLimiter,
        sessionStore,
        scheduler,
        deliveryExecutor,
        clock,
        random,
        options,
        listener,
        observer,
        sendExecutor,
        commandTimeout,
        waveTimeout);
  }

  @Override
  public String toString() {
    return "ShardManagerBuilder[settings=" + settings + "]";
  }
}
