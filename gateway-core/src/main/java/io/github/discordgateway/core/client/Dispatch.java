package io.github.discordgateway.core.client;

import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;

/**
 * One op 0 dispatch as received.
 *
 * @param sequence its sequence number, or {@code -1} when it had none
 * @param type the event name as sent ({@code t})
 * @param eventType the known type, or {@code null} for a name this version does not know
 * @param data its {@code d}, decoded on demand; {@code null} when absent
 */
public record Dispatch(long sequence, String type, EventType eventType, RawJson data) {}
