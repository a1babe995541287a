package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a {@link ShardManagerBuilder} was given, fixed when the manager is built; {@code null}
 * stands for "ask Discord" ({@code totalShards}, {@code gatewayUrl}), "all" ({@code shardIds}) or
 * "the manager makes its own" ({@code identifyLimiter}, {@code scheduler} and the executors).
 */
record ShardManagerConfig(
    GatewaySettings settings,
    GatewayTransport transport,
    Integer totalShards,
    String shardIds,
    String gatewayUrl,
    URI apiUrl,
    Duration restTimeout,
    Duration restMaxWait,
    int maxConcurrency,
    IdentifyLimiter identifyLimiter,
    SessionStore sessionStore,
    GatewayScheduler scheduler,
    Executor deliveryExecutor,
    InstantSource clock,
    Supplier<RandomGenerator> random,
    ShardOptions options,
    GatewayEventListener listener,
    ShardObserver observer,
    Executor sendExecutor,
    Duration commandTimeout,
    Duration waveTimeout) {}
