package io.github.discordgateway.test;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One payload a client sent to the fake, decoded by the fake.
 *
 * @param connectionId id of the WebSocket connection (see {@link FakeConnection#id()})
 * @param shard shard id of the connection's session, or -1 before Identify/Resume
 * @param op the opcode, or -1 when the payload could not be decoded (invalid JSON, no integer
 *     {@code op}, too large or over the send rate); {@code raw} still holds it
 * @param data the {@code d} field ({@link NullNode} when absent or null)
 * @param raw the text frame exactly as received (may contain the token: do not log it)
 * @param receivedAt when the fake received it (from the configured clock)
 */
public record ClientPayload(
    long connectionId, int shard, int op, JsonNode data, String raw, Instant receivedAt) {

  /** Returns the {@code d} field as a long (heartbeat sequence), or {@code null} when null. */
  public Long sequence() {
    return data == null || data.isNull() || !data.isIntegralNumber() ? null : data.asLong();
  }

  /** Prints op, shard and connection but not the raw text (which may hold the token). */
  @Override
  public String toString() {
    return "ClientPayload[op=" + op + ", shard=" + shard + ", connection=" + connectionId + "]";
  }
}
