/**
 * Shards: {@link io.github.discordgateway.core.shard.Shard} supervises one shard's connections
 * ({@code ShardConnection} per connection, {@code ShardSupervisor} for status, backoff and the
 * session), {@link io.github.discordgateway.core.shard.ShardManager} starts them in waves and
 * routes commands, and a {@link io.github.discordgateway.core.shard.ShardObserver} hears every
 * {@link io.github.discordgateway.core.shard.ShardSignal}.
 */
package io.github.discordgateway.core.shard;
