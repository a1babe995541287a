package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;
import tools.jackson.databind.JsonNode;

/**
 * A dispatch (op 0) received by a shard, published for every dispatch, also for event names this
 * version does not know. Known names are published as their typed subclass ({@code
 * MessageCreateEvent}, ...), so a listener of {@code DispatchEvent} sees every dispatch once.
 * Events of one shard are published in sequence order, on that shard's delivery thread.
 *
 * <pre>{@code
 * @EventListener
 * void onAnything(DispatchEvent event) {
 *   log.debug("{} #{} on shard {}", event.type(), event.sequence(), event.shardId());
 * }
 * }</pre>
 */
public class DispatchEvent extends ApplicationEvent implements ResolvableTypeProvider {

  private static final long serialVersionUID = 1L;

  private static final RawJson JSON_NULL = RawJson.of("null");

  // Spring matches listeners by the event's ResolvableType; resolved once per event class instead
  // of once per published event.
  private static final ClassValue<ResolvableType> TYPES =
      new ClassValue<>() {
        @Override
        protected ResolvableType computeValue(Class<?> type) {
          return ResolvableType.forClass(type);
        }
      };

  private final int shardId;
  private final long sequence;
  private final String type;
  private final transient EventType eventType;
  private final transient RawJson raw;

  /**
   * Creates an event.
   *
   * @param source the object that published the event (the shard manager)
   * @param shardId the shard that received the dispatch
   * @param sequence its sequence number
   * @param type the event name as sent, for example {@code MESSAGE_CREATE}
   * @param eventType the known type, or {@code null} for a name this version does not know
   * @param raw the {@code d} of the dispatch, or {@code null} when absent
   */
  public DispatchEvent(
      Object source, int shardId, long sequence, String type, EventType eventType, RawJson raw) {
    super(source);
    this.shardId = shardId;
    this.sequence = sequence;
    this.type = Objects.requireNonNull(type, "type");
    this.eventType = eventType;
    this.raw = raw != null ? raw : JSON_NULL;
  }

  /** Returns the id of the shard that received the dispatch. */
  public int shardId() {
    return shardId;
  }

  /** Returns the sequence number of the dispatch. */
  public long sequence() {
    return sequence;
  }

  /** Returns the event name as sent, for example {@code MESSAGE_CREATE}. */
  public String type() {
    return type;
  }

  /** Returns the known event type, or {@code null} for a name this version does not know. */
  public EventType eventType() {
    return eventType;
  }

  /** Returns whether this version knows the event name (then the event is a typed subclass). */
  public boolean known() {
    return eventType != null;
  }

  /**
   * Returns the {@code d} of the dispatch as raw JSON (JSON {@code null} when absent): fields that
   * Discord adds later, and that no record has yet, stay readable here.
   */
  public RawJson raw() {
    return raw;
  }

  /** Returns the {@code d} of the dispatch as JSON text. */
  public String json() {
    return raw.json();
  }

  /**
   * Returns the {@code d} of the dispatch as a JSON tree, parsed once.
   *
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} for
   *     malformed JSON
   */
  public JsonNode tree() {
    return raw.tree();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[shard="
        + shardId
        + ", sequence="
        + sequence
        + ", type="
        + type
        + "]";
  }

  /**
   * Returns this event's class as Spring resolves it, cached per class: listener matching then
   * resolves no type per published event.
   */
  @Override
  public ResolvableType getResolvableType() {
    return TYPES.get(getClass());
  }
}
