package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.codec.internal.LazyFields;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * A record read from its raw JSON one component at a time, for listeners that read a few fields of
 * a large payload. The first read indexes the object's top-level keys in one pass that skips their
 * values; each component is then decoded alone from its value, with the same property
 * deserializers, null handling and constructor normalisation as a whole decode ({@link
 * RawJson#decode(Class)}; a string without escapes is made straight from its bytes), and kept:
 * reading it again, or reading another component, does not index again. A component that is a
 * {@code @JsonUnwrapped} record (the message of {@code MESSAGE_CREATE}) is read through {@link
 * #unwrapped(Component)}, field by field as well.
 *
 * <pre>{@code
 * static final LazyRecord.Component<MessageCreate, Long> GUILD_ID =
 *     LazyRecord.Component.of(MessageCreate.class, "guildId");
 * static final LazyRecord.Component<MessageCreate, Message> MESSAGE =
 *     LazyRecord.Component.of(MessageCreate.class, "message");
 * static final LazyRecord.Component<Message, String> CONTENT =
 *     LazyRecord.Component.of(Message.class, "content");
 *
 * LazyRecord<MessageCreate> event = LazyRecord.of(dispatch.data(), MessageCreate.class);
 * String content = event.unwrapped(MESSAGE).get(CONTENT);
 * Long guildId = event.get(GUILD_ID);
 * }</pre>
 *
 * <p>The index pass checks the JSON grammar of every value it skips (strict JSON, valid UTF-8):
 * JSON it rejects or does not handle (malformed anywhere, not an object, an escaped or non-ASCII
 * key, deep nesting, trailing content), and records the binder does not bind itself, are decoded
 * whole on the first read, with the errors of a whole decode; so is the unwrapped component itself
 * when asked for as a record. Differences from a whole decode, all about values that are valid JSON
 * but do not fit their component: such a value is only reported when its component is read (a whole
 * decode fails on it whatever is read), and a key given twice is read from its last value only (a
 * whole decode also keeps the last value, but decodes every one). Once the whole record has been
 * decoded (by {@link #record()}), components are read from it.
 *
 * <p>Safe to share between threads; components are immutable once read.
 *
 * @param <R> the record type
 */
public final class LazyRecord<R> {

  private final LazyFields fields;
  private final Class<R> type;
  private final int base;
  private volatile LazyRecord<?> unwrapped;

  private LazyRecord(LazyFields fields, Class<R> type, int base) {
    this.fields = fields;
    this.type = type;
    this.base = base;
  }

  /**
   * Returns {@code raw} read lazily as {@code type}; nothing is decoded yet.
   *
   * @param raw the JSON of the record
   * @param type the record type
   * @param <R> the record type
   * @return the lazy record
   */
  public static <R> LazyRecord<R> of(RawJson raw, Class<R> type) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(type, "type");
    return new LazyRecord<>(LazyFields.of(raw, type), type, 0);
  }

  /** Returns the record type. */
  public Class<R> type() {
    return type;
  }

  /**
   * Returns one component, decoded on first use.
   *
   * @param component a component of {@code R}
   * @param <V> its type (boxed for a primitive)
   * @return the value the whole record would hold
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} naming the
   *     record and the field when the value cannot be decoded (or, for JSON decoded whole, when the
   *     record cannot be)
   * @throws IllegalArgumentException when the component is not one of {@code R}
   */
  @SuppressWarnings("unchecked")
  public <V> V get(Component<R, V> component) {
    if (component.owner != type) {
      throw new IllegalArgumentException(component + " is not a component of " + type.getName());
    }
    return (V) fields.get(base + component.index);
  }

  /**
   * Returns the whole record, decoded once (the same instance as {@link RawJson#decode(Class)}).
   *
   * @return the record ({@code null} only for a JSON {@code null})
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} when it
   *     cannot be decoded
   */
  @SuppressWarnings("unchecked")
  public R record() {
    Object whole = fields.whole();
    return (R) (base == 0 ? whole : fields.get(fields.unwrappedIndex()));
  }

  /**
   * Returns the {@code @JsonUnwrapped} record component of {@code R} as a lazy record that shares
   * this one's index.
   *
   * @param component the unwrapped component
   * @param <U> its record type
   * @return the lazy unwrapped record
   * @throws IllegalArgumentException when the component is not the unwrapped record of {@code R}
   */
  @SuppressWarnings("unchecked")
  public <U> LazyRecord<U> unwrapped(Component<R, U> component) {
    if (base != 0 || component.owner != type || component.index != fields.unwrappedIndex()) {
      throw new IllegalArgumentException(component + " is not an unwrapped record of " + type);
    }
    LazyRecord<?> inner = unwrapped;
    if (inner == null) {
      inner = new LazyRecord<>(fields, fields.unwrappedType(), fields.outerCount());
      unwrapped = inner;
    }
    return (LazyRecord<U>) inner;
  }

  /** Returns how often the keys were indexed: at most once (unless threads raced for it). */
  int indexPasses() {
    return fields.indexPasses();
  }

  /** Returns whether the whole record has been decoded (by a fall-back or {@link #record()}). */
  boolean decodedWhole() {
    return fields.wholeDecoded();
  }

  /** Shows the type and the size of the JSON only. */
  @Override
  public String toString() {
    return "LazyRecord[" + type.getSimpleName() + ", " + fields.raw() + "]";
  }

  /**
   * A component of a record type, resolved by name once (keep it in a constant).
   *
   * @param <R> the record type
   * @param <V> the component's type, boxed for a primitive
   */
  public static final class Component<R, V> {

    private final Class<R> owner;
    private final int index;
    private final String name;

    private Component(Class<R> owner, int index, String name) {
      this.owner = owner;
      this.index = index;
      this.name = name;
    }

    /**
     * Resolves the component {@code name} of {@code type}. The value type {@code V} is what the
     * caller declares: it must be the component's type (boxed for a primitive).
     *
     * @param type a record type
     * @param name the Java name of one of its components
     * @param <R> the record type
     * @param <V> the component's type
     * @return the component
     * @throws IllegalArgumentException when {@code type} is not a record or has no such component
     */
    public static <R, V> Component<R, V> of(Class<R> type, String name) {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) {
        throw new IllegalArgumentException(type.getName() + " is not a record");
      }
      for (int i = 0; i < components.length; i++) {
        if (components[i].getName().equals(name)) {
          return new Component<>(type, i, name);
        }
      }
      throw new IllegalArgumentException(type.getName() + " has no component " + name);
    }

    /** Returns the component's Java name. */
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return owner.getSimpleName() + "." + name;
    }
  }
}
