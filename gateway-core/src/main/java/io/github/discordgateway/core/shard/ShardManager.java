package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.rest.GatewayBot;
import io.github.discordgateway.core.rest.GatewayDiscovery;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the shards of this process. It works out the shard count ({@code auto} asks {@code GET
 * /gateway/bot}), runs the configured subset of shard ids, starts them bucket by bucket under the
 * {@link IdentifyLimiter} (with {@code max_concurrency} 16, sixteen shards identify in the same
 * 5-second window; the default limiter keeps {@link LocalIdentifyLimiter#SAFETY_MARGIN} more
 * between two identifies of one bucket), routes commands by guild id, and stops them with a
 * resumable close so that the next start of the process resumes from the {@link SessionStore}.
 *
 * <pre>{@code
 * ShardManager manager = ShardManager.builder(settings, transport)
 *     .autoShards()
 *     .listener(event -> { ... })
 *     .build();
 * manager.start().join();
 * manager.send(guildId, new UpdateVoiceState(guildId, channelId, false, true));
 * manager.close();
 * }</pre>
 */
public final class ShardManager implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ShardManager.class);

  private final Builder config;
  private final GatewayScheduler scheduler;
  private final Executor deliveryExecutor;
  private final Executor sendExecutor;
  private final List<AutoCloseable> owned = new ArrayList<>();
  private final Object lock = new Object();

  private volatile Map<Integer, Shard> shards = Map.of();
  private volatile int totalShards;
  private volatile List<Integer> shardIds = List.of();
  private volatile int maxConcurrency;
  private CompletableFuture<Void> started;

  private ShardManager(Builder builder) {
    this.config = builder;
    if (builder.scheduler != null) {
      this.scheduler = builder.scheduler;
    } else {
      ExecutorGatewayScheduler own = ExecutorGatewayScheduler.create("discord-gateway-timer", 1);
      owned.add(own);
      this.scheduler = own;
    }
    if (builder.deliveryExecutor != null) {
      this.deliveryExecutor = builder.deliveryExecutor;
    } else {
      ExecutorService own =
          Executors.newFixedThreadPool(
              Math.max(2, Runtime.getRuntime().availableProcessors()),
              daemonThreads("discord-gateway-events-"));
      owned.add(
          () -> {
            own.shutdown();
            if (!own.awaitTermination(5, TimeUnit.SECONDS)) {
              own.shutdownNow();
            }
          });
      this.deliveryExecutor = own;
    }
    if (builder.sendExecutor != null) {
      this.sendExecutor = builder.sendExecutor;
    } else {
      // grows only while sockets are slow to take a frame (a start burst);
      // idle threads end after 2 seconds
      ThreadPoolExecutor own =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              2,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              daemonThreads("discord-gateway-send-"));
      owned.add(own::shutdown);
      this.sendExecutor = own;
    }
  }

  /**
   * Starts a builder.
   *
   * @param settings what every shard identifies with (the shard is set per shard)
   * @param transport opens the WebSocket connections
   * @return the builder
   */
  public static Builder builder(GatewaySettings settings, GatewayTransport transport) {
    return new Builder(settings, transport);
  }

  /**
   * Resolves the shard layout and starts every shard of this process, bucket by bucket.
   *
   * @return completes when every shard is live (READY or RESUMED); fails when a shard hits a fatal
   *     close code
   * @throws GatewayException when {@code auto} sharding cannot ask Discord (bad token: {@code
   *     AUTHENTICATION_FAILED}; unreachable: {@code CONNECTION_FAILED}) or the shard ids are
   *     invalid
   */
  public CompletableFuture<Void> start() {
    synchronized (lock) {
      if (started != null) {
        return started;
      }
      prepare();
      log.info(
          "Starting {} of {} shards (ids {}) with max_concurrency {}",
          shardIds.size(),
          totalShards,
          describe(shardIds),
          maxConcurrency);
      started =
          ShardWaves.start(
              new ArrayList<>(shards.values()), maxConcurrency, scheduler, config.waveTimeout);
      return started;
    }
  }

  /**
   * Resolves the shard layout (asking {@code GET /gateway/bot} when the count is {@code auto} or no
   * gateway URL is set) and creates the shards without connecting them. {@link #start()} calls it;
   * calling it first lets an application look at the shards, or fail fast on a bad token, before
   * anything connects. Idempotent.
   *
   * @throws GatewayException for a rejected token, an unreachable REST endpoint or invalid shard
   *     ids
   */
  public void prepare() {
    synchronized (lock) {
      if (!shards.isEmpty()) {
        return;
      }
      Plan plan = plan();
      IdentifyLimiter limiter =
          config.identifyLimiter != null
              ? config.identifyLimiter
              : new LocalIdentifyLimiter(config.clock, scheduler);
      if (plan.sessionStartLimit != null) {
        limiter.updateSessionStartLimit(plan.sessionStartLimit);
        config.observer.on(new ShardSignal.SessionStartLimitUpdated(plan.sessionStartLimit));
      }
      ShardContext context =
          new ShardContext(
              config.transport,
              scheduler,
              deliveryExecutor,
              config.clock,
              config.random,
              limiter,
              plan.maxConcurrency,
              config.sessionStore,
              plan.url,
              config.observer,
              sendExecutor,
              config.commandTimeout);
      Map<Integer, Shard> created = new LinkedHashMap<>();
      for (int id : plan.ids) {
        created.put(
            id,
            new Shard(
                config.settings.withShard(id, plan.total),
                context,
                config.options,
                config.listener));
      }
      totalShards = plan.total;
      maxConcurrency = plan.maxConcurrency;
      shardIds = plan.ids;
      shards = Collections.unmodifiableMap(created);
    }
  }

  private Plan plan() {
    String url = config.gatewayUrl;
    Integer total = config.totalShards;
    int concurrency = config.maxConcurrency;
    io.github.discordgateway.core.protocol.SessionStartLimit limit = null;
    if (total == null || url == null) {
      GatewayBot bot =
          new GatewayDiscovery(config.apiUrl, config.restTimeout, config.restMaxWait)
              .gatewayBot(config.settings.token());
      if (total == null) {
        total = bot.shards();
      }
      if (url == null) {
        url = bot.url();
      }
      limit = bot.sessionStartLimit();
      concurrency = Math.max(1, limit.maxConcurrency());
      log.info(
          "Discord recommends {} shards; session starts remaining {}/{}, max_concurrency {}",
          bot.shards(),
          limit.remaining(),
          limit.total(),
          limit.maxConcurrency());
    }
    List<Integer> ids;
    try {
      ids = ShardIds.parse(config.shardIds, total);
    } catch (IllegalArgumentException ex) {
      throw new GatewayException(GatewayException.Kind.INVALID_SHARD, ex.getMessage(), ex);
    }
    return new Plan(url, total, ids, concurrency, limit);
  }

  private record Plan(
      String url,
      int total,
      List<Integer> ids,
      int maxConcurrency,
      io.github.discordgateway.core.protocol.SessionStartLimit sessionStartLimit) {}

  /** Returns the shards of this process by id, in ascending order (empty before start). */
  public Map<Integer, Shard> shards() {
    return shards;
  }

  /** Returns the shard with {@code id}, if this process runs it. */
  public java.util.Optional<Shard> shard(int id) {
    return java.util.Optional.ofNullable(shards.get(id));
  }

  /** Returns the total shard count of the bot (0 before start). */
  public int totalShards() {
    return totalShards;
  }

  /** Returns the shard ids this process runs (empty before start). */
  public List<Integer> shardIds() {
    return shardIds;
  }

  /** Returns {@code max_concurrency} in use (0 before start). */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * Returns the shard that holds {@code guildId}.
   *
   * @param guildId the guild
   * @return the shard
   * @throws GatewayException of kind {@code INVALID_COMMAND} when that shard does not run in this
   *     process, or before start
   */
  public Shard shardFor(long guildId) {
    int total = totalShards;
    if (total == 0) {
      throw new GatewayException(
          GatewayException.Kind.NOT_CONNECTED, "The shard manager has not been started");
    }
    int id = ShardRouting.shardFor(guildId, total);
    Shard shard = shards.get(id);
    if (shard == null) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Guild "
              + Long.toUnsignedString(guildId)
              + " belongs to shard "
              + id
              + "/"
              + total
              + ", which this process does not run (it runs "
              + describe(shardIds)
              + ")");
    }
    return shard;
  }

  /**
   * Sends a command on the shard of {@code guildId}.
   *
   * @param guildId the guild the command is about
   * @param command the command
   * @return completes when written
   * @throws GatewayException of kind {@code INVALID_COMMAND} when the guild's shard does not run in
   *     this process
   */
  public CompletableFuture<Void> send(long guildId, GatewayCommand command) {
    return shardFor(guildId).send(command);
  }

  /**
   * Sends a command on every shard of this process (for example a presence update).
   *
   * @param command the command
   * @return completes when written on every shard
   */
  public CompletableFuture<Void> broadcast(GatewayCommand command) {
    return CompletableFuture.allOf(
        shards.values().stream().map(s -> s.send(command)).toArray(CompletableFuture[]::new));
  }

  /** Returns a view of every shard of this process. */
  public List<ShardState> states() {
    return shards.values().stream().map(Shard::state).toList();
  }

  /**
   * Stops every shard with a resumable close; the sessions stay in the {@link SessionStore}.
   *
   * @return completes when every connection is closed
   */
  public CompletableFuture<Void> stop() {
    synchronized (lock) {
      started = null;
    }
    return CompletableFuture.allOf(
        shards.values().stream().map(Shard::stop).toArray(CompletableFuture[]::new));
  }

  /**
   * Logs every shard out (close 1000: the sessions end) and forgets the sessions.
   *
   * @return completes when every connection is closed
   */
  public CompletableFuture<Void> logout() {
    synchronized (lock) {
      started = null;
    }
    return CompletableFuture.allOf(
        shards.values().stream().map(Shard::logout).toArray(CompletableFuture[]::new));
  }

  /** Stops gracefully (resumable) and releases the threads this manager created. */
  @Override
  public void close() {
    try {
      stop().get(config.options.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (Exception ex) {
      log.warn("Shards did not stop within {}: {}", config.options.stopTimeout(), ex.toString());
    }
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception ex) {
        log.debug("Closing {} failed: {}", resource, ex.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "ShardManager[total=" + totalShards + ", ids=" + describe(shardIds) + "]";
  }

  static String describe(List<Integer> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    int start = ids.get(0);
    int prev = start;
    for (int i = 1; i <= ids.size(); i++) {
      int next = i < ids.size() ? ids.get(i) : Integer.MIN_VALUE;
      if (next != prev + 1) {
        if (text.length() > 0) {
          text.append(',');
        }
        text.append(start == prev ? String.valueOf(start) : start + "-" + prev);
        start = next;
      }
      prev = next;
    }
    return text.toString();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Builds a {@link ShardManager}. */
  public static final class Builder {
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

    private Builder(GatewaySettings settings, GatewayTransport transport) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Uses a fixed shard count.
     *
     * @param total the bot's total shard count (at least 1)
     * @return this
     */
    public Builder totalShards(int total) {
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
    public Builder autoShards() {
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
    public Builder shardIds(String spec) {
      this.shardIds = spec;
      return this;
    }

    /**
     * Connects to this gateway URL instead of the discovered one (proxies, tests). With a fixed
     * shard count, no REST call is made at all.
     *
     * @param url the WebSocket URL without query
     * @return this
     */
    public Builder gatewayUrl(String url) {
      this.gatewayUrl = url;
      return this;
    }

    /**
     * Sets the REST base URL used for {@code GET /gateway/bot}.
     *
     * @param apiUrl for example {@code https://discord.com/api/v10}
     * @return this
     */
    public Builder apiUrl(URI apiUrl) {
      this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
      return this;
    }

    /**
     * Sets the REST timeout.
     *
     * @param timeout the timeout
     * @return this
     */
    public Builder restTimeout(Duration timeout) {
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
    public Builder restMaxWait(Duration maxWait) {
      this.restMaxWait = Objects.requireNonNull(maxWait, "maxWait");
      return this;
    }

    /**
     * Sets {@code max_concurrency} for when it is not discovered over REST.
     *
     * @param maxConcurrency identify buckets (at least 1)
     * @return this
     */
    public Builder maxConcurrency(int maxConcurrency) {
      this.maxConcurrency = Math.max(1, maxConcurrency);
      return this;
    }

    /**
     * Replaces the in-process identify limiter (for example by a distributed one).
     *
     * @param limiter the limiter
     * @return this
     */
    public Builder identifyLimiter(IdentifyLimiter limiter) {
      this.identifyLimiter = limiter;
      return this;
    }

    /**
     * Replaces the in-memory session store.
     *
     * @param store the store
     * @return this
     */
    public Builder sessionStore(SessionStore store) {
      this.sessionStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Uses this scheduler for heartbeats and timers (the manager then does not own one).
     *
     * @param scheduler the scheduler
     * @return this
     */
    public Builder scheduler(GatewayScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * Uses this executor to run listeners (the manager then does not own one).
     *
     * @param executor the executor
     * @return this
     */
    public Builder deliveryExecutor(Executor executor) {
      this.deliveryExecutor = executor;
      return this;
    }

    /**
     * Sets the time source.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the source of jitter.
     *
     * @param random supplies a random generator per use
     * @return this
     */
    public Builder random(Supplier<RandomGenerator> random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets connection and delivery options.
     *
     * @param options the options
     * @return this
     */
    public Builder options(ShardOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the listener of every shard.
     *
     * @param listener the listener
     * @return this
     */
    public Builder listener(GatewayEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the metrics hooks.
     *
     * @param observer the observer
     * @return this
     */
    public Builder observer(ShardObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * Writes frames on this executor (the manager then does not own one). It must be able to run
     * one connection's writes while another's block (a cached pool, not a single thread).
     *
     * @param executor the executor
     * @return this
     */
    public Builder sendExecutor(Executor executor) {
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
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long a start wave waits for its shards to send Identify or Resume before the next
     * wave starts anyway (default 60 s).
     *
     * @param timeout the timeout
     * @return this
     */
    public Builder waveTimeout(Duration timeout) {
      this.waveTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Returns the manager (not started). */
    public ShardManager build() {
      // the manager keeps its own copy: changing this builder later does not reach it
      Builder copy = new Builder(settings, transport);
      copy.totalShards = totalShards;
      copy.shardIds = shardIds;
      copy.gatewayUrl = gatewayUrl;
      copy.apiUrl = apiUrl;
      copy.restTimeout = restTimeout;
      copy.maxConcurrency = maxConcurrency;
      copy.identifyLimiter = identifyLimiter;
      copy.sessionStore = sessionStore;
      copy.scheduler = scheduler;
      copy.deliveryExecutor = deliveryExecutor;
      copy.clock = clock;
      copy.random = random;
      copy.options = options;
      copy.listener = listener;
      copy.observer = observer;
      copy.sendExecutor = sendExecutor;
      copy.commandTimeout = commandTimeout;
      copy.waveTimeout = waveTimeout;
      return new ShardManager(copy);
    }

    @Override
    public String toString() {
      return "ShardManager.Builder[settings=" + settings + "]";
    }
  }
}
