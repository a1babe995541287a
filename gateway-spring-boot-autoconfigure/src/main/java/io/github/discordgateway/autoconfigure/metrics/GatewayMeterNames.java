package io.github.discordgateway.autoconfigure.metrics;

/**
 * Names and tags of the meters the gateway publishes. Tags: {@code shard} (shard id), {@code type}
 * (dispatch event name, or opcode name for commands), {@code reason} (reconnect reason), {@code
 * state} (shard status); all of bounded cardinality.
 */
public final class GatewayMeterNames {

  /** Counter: dispatches received; tags shard, type. */
  public static final String EVENTS = "discord.gateway.events";

  /** Timer: time listeners spent on a dispatch; tags shard, type. */
  public static final String LISTENER_TIME = "discord.gateway.events.listener";

  /** Counter: dispatches on which a listener threw; tags shard, type. */
  public static final String LISTENER_FAILURES = "discord.gateway.events.listener.failures";

  /**
   * Counter: Spring listeners that threw on a gateway event (each listener counts once); tag type
   * (dispatch name, or lifecycle event such as {@code SHARD_DISCONNECTED}).
   */
  public static final String LISTENER_ERRORS = "discord.gateway.listener.errors";

  /** Gauge: events waiting for (or in) delivery to listeners; tag shard. */
  public static final String EVENTS_QUEUED = "discord.gateway.events.queued";

  /** Timer: heartbeat round trip; tag shard. */
  public static final String HEARTBEAT_ROUND_TRIP = "discord.gateway.heartbeat.roundtrip";

  /** Gauge: seconds since the last heartbeat ACK (NaN before the first); tag shard. */
  public static final String HEARTBEAT_ACK_AGE = "discord.gateway.heartbeat.ack.age";

  /** Gauge: shards of this instance in each status; tag state. */
  public static final String SHARDS = "discord.gateway.shards";

  /** Counter: WebSocket connections opened; tag shard. */
  public static final String CONNECTIONS = "discord.gateway.connections";

  /** Counter: Identify payloads sent (session starts); tag shard. */
  public static final String IDENTIFIES = "discord.gateway.identifies";

  /** Counter: Resume payloads sent; tag shard. */
  public static final String RESUMES = "discord.gateway.resumes";

  /** Counter: reconnects scheduled; tags shard, reason. */
  public static final String RECONNECTS = "discord.gateway.reconnects";

  /** Gauge: session starts left ({@code session_start_limit.remaining}), NaN when unknown. */
  public static final String SESSION_STARTS_REMAINING =
      "discord.gateway.session.start.limit.remaining";

  /** Counter: bytes received on the WebSocket (compressed size); tag shard. */
  public static final String BYTES_RECEIVED = "discord.gateway.bytes.received";

  /** Counter: bytes of the payloads after decompression; tag shard. */
  public static final String BYTES_DECOMPRESSED = "discord.gateway.bytes.decompressed";

  /**
   * Timer: payloads sent (count) and the time each waited for the send rate limiter; tags shard,
   * type (opcode).
   */
  public static final String COMMANDS = "discord.gateway.commands";

  /** Tag of the shard id. */
  public static final String TAG_SHARD = "shard";

  /** Tag of the event or command type. */
  public static final String TAG_TYPE = "type";

  /** Tag of the reconnect reason. */
  public static final String TAG_REASON = "reason";

  /** Tag of the shard status. */
  public static final String TAG_STATE = "state";

  /** Type tag of dispatches this library does not know. */
  public static final String OTHER_TYPE = "OTHER";

  private GatewayMeterNames() {}
}
