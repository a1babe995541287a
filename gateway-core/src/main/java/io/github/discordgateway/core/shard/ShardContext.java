package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the shards of one process share: the transport, one scheduler for heartbeats and timers, one
 * executor for event delivery, the identify limiter and the session store. Sharing them is what
 * keeps the thread count flat however many shards run.
 *
 * @param transport opens WebSocket connections
 * @param scheduler runs heartbeats, timeouts and reconnect delays
 * @param deliveryExecutor runs listeners
 * @param clock the time source
 * @param random the jitter source (must be thread-safe, e.g. a {@code ThreadLocalRandom} supplier)
 * @param identifyLimiter decides when a shard may identify
 * @param maxConcurrency {@code max_concurrency} of the bot
 * @param sessionStore keeps resumable sessions
 * @param discoveryUrl the cached gateway URL (identify connections go there)
 * @param observer metrics hooks
 * @param sendExecutor writes frames, so that no shared thread waits on a socket (it must run one
 *     connection's writes while another's block, e.g. a cached thread pool)
 * @param commandTimeout how long a command sent while its shard has no live session waits for one
 * @param sessionStarts counts the session starts left, across the shards
 */
record ShardContext(
    GatewayTransport transport,
    GatewayScheduler scheduler,
    Executor deliveryExecutor,
    InstantSource clock,
    Supplier<RandomGenerator> random,
    IdentifyLimiter identifyLimiter,
    int maxConcurrency,
    SessionStore sessionStore,
    String discoveryUrl,
    ShardObserver observer,
    Executor sendExecutor,
    Duration commandTimeout,
    SessionStartBudget sessionStarts) {

  /** Validates the context. */
  ShardContext {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(deliveryExecutor, "deliveryExecutor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(identifyLimiter, "identifyLimiter");
    Objects.requireNonNull(sessionStore, "sessionStore");
    Objects.requireNonNull(discoveryUrl, "discoveryUrl");
    observer = observer == null ? ShardObserver.NONE : observer;
    Objects.requireNonNull(sendExecutor, "sendExecutor");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(sessionStarts, "sessionStarts");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
  }
}
