package io.github.discordgateway.core.event;

import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;

/**
 * A dispatch (op 0) received by a shard.
 *
 * @param shardId the shard
 * @param sequence the sequence number
 * @param type the event name as sent ({@code MESSAGE_CREATE}), also for names this version does not
 *     know
 * @param eventType the known type, or {@code null} for an unknown name
 * @param data the payload, decoded on demand (at most once per target type); {@code null} when
 *     absent
 * @param receivedNanos {@link System#nanoTime()} when the frame was decoded, for latency figures
 */
public record ShardDispatch(
    int shardId, long sequence, String type, EventType eventType, RawJson data, long receivedNanos)
    implements ShardEvent {}
