package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.rest.GatewayBot;
import io.github.discordgateway.core.rest.GatewayDiscovery;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.internal.OwnedThreads;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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

  private final ShardManagerConfig config;
  private final GatewayScheduler scheduler;
  private final Executor deliveryExecutor;
  private final Executor sendExecutor;
  private final OwnedThreads threads = new OwnedThreads();
  private final Object lock = new Object();

  private volatile Map<Integer, Shard> shards = Map.of();
  private volatile int totalShards;
  private volatile List<Integer> shardIds = List.of();
  private volatile int maxConcurrency;
  private CompletableFuture<Void> started;

  ShardManager(ShardManagerConfig config) {
    this.config = config;
    this.scheduler = threads.schedulerOr(config.scheduler());
    this.deliveryExecutor = threads.deliveryOr(config.deliveryExecutor());
    this.sendExecutor = threads.sendOr(config.sendExecutor());
  }

  /**
   * Starts a builder.
   *
   * @param settings what every shard identifies with (the shard is set per shard)
   * @param transport opens the WebSocket connections
   * @return the builder
   */
  public static ShardManagerBuilder builder(GatewaySettings settings, GatewayTransport transport) {
    return new ShardManagerBuilder(settings, transport);
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
          ShardIds.format(shardIds),
          maxConcurrency);
      started =
          ShardWaves.start(
              new ArrayList<>(shards.values()), maxConcurrency, scheduler, config.waveTimeout());
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
          config.identifyLimiter() != null
              ? config.identifyLimiter()
              : new LocalIdentifyLimiter(config.clock(), scheduler);
      if (plan.sessionStartLimit != null) {
        limiter.updateSessionStartLimit(plan.sessionStartLimit);
        config.observer().on(new ShardSignal.SessionStartLimitUpdated(plan.sessionStartLimit));
      }
      ShardContext context =
          new ShardContext(
              config.transport(),
              scheduler,
              deliveryExecutor,
              config.clock(),
              config.random(),
              limiter,
              plan.maxConcurrency,
              config.sessionStore(),
              plan.url,
              config.observer(),
              sendExecutor,
              config.commandTimeout());
      Map<Integer, Shard> created = new LinkedHashMap<>();
      for (int id : plan.ids) {
        created.put(
            id,
            new Shard(
                config.settings().withShard(id, plan.total),
                context,
                config.options(),
                config.listener()));
      }
      totalShards = plan.total;
      maxConcurrency = plan.maxConcurrency;
      shardIds = plan.ids;
      shards = Collections.unmodifiableMap(created);
    }
  }

  private Plan plan() {
    String url = config.gatewayUrl();
    Integer total = config.totalShards();
    int concurrency = config.maxConcurrency();
    io.github.discordgateway.core.protocol.SessionStartLimit limit = null;
    if (total == null || url == null) {
      GatewayBot bot =
          new GatewayDiscovery(config.apiUrl(), config.restTimeout(), config.restMaxWait())
              .gatewayBot(config.settings().token());
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
      ids = ShardIds.parse(config.shardIds(), total);
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
              + ShardIds.format(shardIds)
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
      stop().get(config.options().stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (Exception ex) {
      log.warn("Shards did not stop within {}: {}", config.options().stopTimeout(), ex.toString());
    }
    threads.close();
  }

  @Override
  public String toString() {
    return "ShardManager[total=" + totalShards + ", ids=" + ShardIds.format(shardIds) + "]";
  }
}
