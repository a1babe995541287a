package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.internal.OwnedThreads;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
  private final SessionStartBudget sessionStarts;
  private final Object lock = new Object();

  private volatile Map<Integer, Shard> shards = Map.of();
  private volatile int totalShards;
  private volatile List<Integer> shardIds = List.of();
  private volatile int maxConcurrency;
  private final AtomicReference<CompletableFuture<Void>> preparation = new AtomicReference<>();
  private CompletableFuture<Void> started;

  ShardManager(ShardManagerConfig config) {
    this.config = config;
    this.sessionStarts = new SessionStartBudget(config.clock());
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
    prepare();
    CompletableFuture<Void> result = new CompletableFuture<>();
    synchronized (lock) {
      if (started != null) {
        return started;
      }
      started = result;
    }
    // the shards connect outside the lock: the transport is not ours to call under one
    log.info(
        "Starting {} of {} shards (ids {}) with max_concurrency {}",
        shardIds.size(),
        totalShards,
        ShardIds.format(shardIds),
        maxConcurrency);
    ShardWaves.start(
            new ArrayList<>(shards.values()), maxConcurrency, scheduler, config.waveTimeout())
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              } else {
                result.complete(null);
              }
            });
    return result;
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
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> earlier = preparation.compareAndExchange(null, mine);
    if (earlier != null) {
      awaitPreparation(earlier);
      return;
    }
    try {
      createShards();
      mine.complete(null);
    } catch (RuntimeException ex) {
      preparation.set(null); // a later call tries again
      mine.completeExceptionally(ex);
      throw ex;
    }
  }

  // asks Discord and tells the identify limiter without holding a lock: neither is ours to call
  // under one; callers that come meanwhile wait for this preparation's result
  private void createShards() {
    ShardPlan plan = ShardPlan.resolve(config);
    IdentifyLimiter limiter =
        config.identifyLimiter() != null
            ? config.identifyLimiter()
            : new LocalIdentifyLimiter(config.clock(), scheduler);
    if (plan.sessionStartLimit() != null) {
      limiter.updateSessionStartLimit(plan.sessionStartLimit());
      sessionStarts.update(plan.sessionStartLimit());
    }
    ShardContext context =
        new ShardContext(
            config.transport(),
            scheduler,
            deliveryExecutor,
            config.clock(),
            config.random(),
            limiter,
            plan.maxConcurrency(),
            config.sessionStore(),
            plan.url(),
            config.observer(),
            sendExecutor,
            config.commandTimeout(),
            sessionStarts);
    Map<Integer, Shard> created = new LinkedHashMap<>();
    for (int id : plan.ids()) {
      created.put(
          id,
          new Shard(
              config.settings().withShard(id, plan.total()),
              context,
              config.options(),
              config.listener()));
    }
    totalShards = plan.total();
    maxConcurrency = plan.maxConcurrency();
    shardIds = plan.ids();
    shards = Collections.unmodifiableMap(created);
  }

  private static void awaitPreparation(CompletableFuture<Void> preparation) {
    try {
      preparation.join();
    } catch (CompletionException ex) {
      if (ex.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw ex;
    }
  }

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
   * Returns the session starts (identifies) the bot has left: as Discord reported them in {@code
   * GET /gateway/bot} when this manager started, minus the identifies its shards sent since, back
   * to the total once {@code reset_after} has passed. Identifies of other processes are not
   * counted.
   *
   * @return the estimate; empty when Discord was not asked (fixed shard count and gateway URL)
   */
  public OptionalInt sessionStartsRemaining() {
    return sessionStarts.remaining();
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
