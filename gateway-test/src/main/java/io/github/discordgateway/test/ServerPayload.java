package io.github.discordgateway.test;

import java.time.Instant;

/**
 * A non-dispatch payload the fake wrote to a client (Hello, Heartbeat ACK, a heartbeat request,
 * Reconnect, Invalid Session), as kept by the {@link TrafficRecorder}.
 *
 * @param connectionId id of the connection it was written to
 * @param shard shard of that connection's session, or -1 before Identify or Resume
 * @param op the opcode
 * @param json the payload as sent, before transport compression
 * @param sentAt when it was written (from the configured clock)
 */
public record ServerPayload(long connectionId, int shard, int op, String json, Instant sentAt) {}
