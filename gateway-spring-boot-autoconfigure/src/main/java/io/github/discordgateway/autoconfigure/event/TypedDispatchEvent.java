package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;
import java.util.Objects;

/**
 * A dispatch of a known event name with its payload record. The payload is decoded from the raw
 * JSON only when a listener first asks for it (through {@link #payload()} or an accessor of the
 * subclass), and at most once: an event nobody reads costs no decoding.
 *
 * @param <T> the payload record
 */
public abstract class TypedDispatchEvent<T> extends DispatchEvent {

  private static final long serialVersionUID = 1L;

  private final transient Class<T> payloadType;
  private transient volatile T payload;

  /**
   * Creates an event.
   *
   * @param source the object that published the event
   * @param shardId the shard that received the dispatch
   * @param sequence its sequence number
   * @param eventType the event type
   * @param payloadType the record the {@code d} decodes into
   * @param raw the {@code d} of the dispatch
   */
  protected TypedDispatchEvent(
      Object source,
      int shardId,
      long sequence,
      EventType eventType,
      Class<T> payloadType,
      RawJson raw) {
    super(source, shardId, sequence, eventType.name(), eventType, raw);
    this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
  }

  /**
   * Returns the payload record, decoded on first use.
   *
   * @return the payload ({@code null} only when the dispatch carried no {@code d})
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} when the
   *     payload does not fit the record
   */
  public T payload() {
    T value = payload;
    if (value == null) {
      value = raw().decode(payloadType);
      payload = value;
    }
    return value;
  }

  /** Returns the record class of the payload. */
  public Class<T> payloadType() {
    return payloadType;
  }
}
