/**
 * The framework-free Discord Gateway client: shared types such as {@link GatewayException}.
 *
 * <p>The shape, from the socket up: a transport ({@code transport}) hands each frame to the
 * connection's {@link io.github.discordgateway.core.client.GatewayClient}, which decompresses and
 * decodes it on the reader's thread and then runs it on its shard's one serial executor, where a
 * small phase class ({@code AwaitingHello}, {@code Identifying}, {@code Resuming}, {@code
 * Connected}, {@code Closed}) handles it and returns the next phase. Heartbeat ticks, identify
 * permits, commands and closes enter through the same executor, so nothing in a shard is locked and
 * no lock is ever held while a listener, observer, session store or transport is called. Frames
 * leave through a writer on a shared send pool, so a socket that stops draining stalls no other
 * shard. A {@link io.github.discordgateway.core.shard.Shard} supervises its connections (backoff,
 * reconnect, session hand-over through the {@link
 * io.github.discordgateway.core.session.SessionStore}) and hands events to listeners through a
 * bounded delivery queue; the {@link io.github.discordgateway.core.shard.ShardManager} starts
 * shards in identify waves, routes commands and counts the session starts left.
 *
 * <p>{@link io.github.discordgateway.core.shard.ShardStatus} is the one status vocabulary; each
 * {@link io.github.discordgateway.core.client.ClientState} says which status it stands for.
 * Packages named {@code internal} (codec internals, the outbound queue, reconnect backoff, connect
 * URLs) are not API and may change in any release.
 */
package io.github.discordgateway.core;
