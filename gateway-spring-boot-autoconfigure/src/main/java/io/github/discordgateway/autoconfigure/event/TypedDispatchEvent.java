package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.codec.LazyRecord;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;
import java.util.Objects;

/**
 * A dispatch of a known event name with its payload record. The payload is decoded from the raw
 * JSON only when a listener first asks for it, and at most once: an event nobody reads costs no
 * decoding. {@link #payload()} decodes the whole record; the accessors of the subclasses decode
 * only their own field (see {@link #fields()}), so a listener that reads two fields of a large
 * payload pays for those two.
 *
 * @param <T> the payload record
 */
public abstract class TypedDispatchEvent<T> extends DispatchEvent {

  private static final long serialVersionUID = 1L;

  private final transient Class<T> payloadType;
  private transient volatile LazyRecord<T> fields;

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
    return fields().record();
  }

  /**
   * Returns the payload read field by field: the object's keys are indexed once on the first read,
   * then each component is decoded alone, on first use, exactly as the whole record would hold it.
   * The generated accessors of the subclasses read through it.
   *
   * @return the lazily read payload (shares its whole record with {@link #payload()})
   */
  public LazyRecord<T> fields() {
    LazyRecord<T> value = fields;
    if (value == null) {
      value = LazyRecord.of(raw(), payloadType);
      fields = value;
    }
    return value;
  }

  /**
   * Returns one component of the payload, decoded on first use.
   *
   * @param component the component
   * @param <V> its type
   * @return its value
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} naming the
   *     record and the field when the value does not fit
   */
  protected final <V> V field(LazyRecord.Component<T, V> component) {
    return fields().get(component);
  }

  /** Returns the record class of the payload. */
  public Class<T> payloadType() {
    return payloadType;
  }
}
