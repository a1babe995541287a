package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.codec.RawJson;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.DeserializationContextExt;

/**
 * The components of one record decoded one at a time from its raw JSON: on the first read the
 * object's keys are indexed once ({@link FieldIndex}), then each component is decoded alone from
 * its value with the property deserializer the record binder uses, normalised by the record's
 * constructor, and kept. A type the binder does not bind itself, or JSON the index pass does not
 * handle, is decoded whole instead, and components are read from that record; so is every component
 * once the whole record has been decoded.
 *
 * <p>Slots number the record's components in order, then those of its unwrapped record. Safe to
 * share between threads: each component is decoded at most once per thread that races for it, and
 * published with release/acquire semantics.
 */
public final class LazyFields {

  private static final Object UNREAD = new Object();
  private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);

  private final RawJson raw;
  private final FieldLayout layout;
  private final Object[] values;
  private volatile FieldIndex index;
  private volatile Object whole;
  private volatile int indexPasses;

  private LazyFields(RawJson raw, Class<?> type) {
    this.raw = raw;
    this.layout = FieldLayout.of(type);
    this.values = new Object[layout.slotCount];
    Arrays.fill(values, UNREAD);
  }

  /**
   * Returns the lazy components of {@code raw} read as {@code type}.
   *
   * @param raw the JSON
   * @param type the record type
   * @return the components, none decoded yet
   */
  public static LazyFields of(RawJson raw, Class<?> type) {
    return new LazyFields(raw, type);
  }

  /** Returns the record type. */
  public Class<?> type() {
    return layout.type;
  }

  /** Returns the JSON. */
  public RawJson raw() {
    return raw;
  }

  /** Returns the number of the record's own components. */
  public int outerCount() {
    return layout.outerCount;
  }

  /** Returns the index of the record's unwrapped component, or -1. */
  public int unwrappedIndex() {
    return layout.unwrappedIndex;
  }

  /** Returns the type of the record's unwrapped component, or {@code null}. */
  public Class<?> unwrappedType() {
    return layout.innerType;
  }

  /** Returns how many times the keys were indexed (once at most, unless threads raced). */
  public int indexPasses() {
    return indexPasses;
  }

  /** Returns whether the whole record has been decoded. */
  public boolean wholeDecoded() {
    return whole != null;
  }

  /**
   * Returns the whole record, decoded once.
   *
   * @throws GatewayException of kind {@code DECODE_ERROR} when it cannot be decoded
   */
  public Object whole() {
    Object value = whole;
    if (value == null) {
      value = raw.decode(layout.type);
      whole = value;
    }
    return value;
  }

  /**
   * Returns one component.
   *
   * @param slot the component's slot
   * @return its value, as the record would hold it
   * @throws GatewayException of kind {@code DECODE_ERROR} naming the type and the component when
   *     its value cannot be decoded
   */
  public Object get(int slot) {
    Object value = whole;
    if (value != null) {
      return layout.fromRecord(value, slot);
    }
    value = VALUES.getAcquire(values, slot);
    if (value != UNREAD) {
      return value;
    }
    FieldIndex keys = index();
    if (keys == FieldIndex.NONE || slot == layout.unwrappedIndex) {
      return layout.fromRecord(whole(), slot);
    }
    value = decode(keys, slot);
    VALUES.setRelease(values, slot, value);
    return value;
  }

  private FieldIndex index() {
    FieldIndex keys = index;
    if (keys == null) {
      keys = layout.lazy() ? FieldIndex.of(raw.bytes(), layout.names) : null;
      if (keys == null) {
        keys = FieldIndex.NONE;
      }
      indexPasses++;
      index = keys;
    }
    return keys;
  }

  private Object decode(FieldIndex keys, int slot) {
    int start = keys.start(slot);
    if (start < 0) {
      return layout.absent(slot);
    }
    int end = keys.end(slot);
    byte[] json = raw.bytes();
    Object value = null;
    // the index pass checked the string (valid UTF-8, no raw control bytes): without an escape its
    // bytes are its text
    if (layout.plainString(slot)
        && json[start] == '"'
        && !FieldIndex.hasBackslash(json, start + 1, end - 1)) {
      value = new String(json, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }
    try {
      if (value == null) {
        value = read(json, start, end, slot);
      }
      return layout.normalize(slot, value);
    } catch (Throwable e) {
      throw failure(slot, e);
    }
  }

  private Object read(byte[] json, int start, int end, int slot) {
    ReusableJsonParser reusable =
        ReusableJsonParser.acquire(GatewayJson.factory(), json, start, end);
    JsonParser parser =
        reusable != null
            ? reusable.asParser()
            : GatewayJson.mapper().createParser(json, start, end - start);
    try {
      DeserializationContextExt ctxt = GatewayJson.mapper()._deserializationContext();
      ctxt.assignParser(parser);
      parser.nextToken();
      return readSlot(parser, ctxt, slot);
    } finally {
      if (reusable != null) {
        reusable.release();
      } else {
        parser.close();
      }
    }
  }

  private Object readSlot(JsonParser parser, DeserializationContext ctxt, int slot) {
    RecordPlan plan = layout.plan(slot);
    int index = slot < layout.outerCount ? slot : slot - layout.outerCount;
    return plan.read(index, plan.properties[index].getName(), parser, ctxt);
  }

  private GatewayException failure(int slot, Throwable e) {
    String detail =
        e instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(e.getMessage());
    return new GatewayException(
        GatewayException.Kind.DECODE_ERROR,
        "Cannot decode JSON as "
            + layout.type.getSimpleName()
            + ": field "
            + layout.paths[slot]
            + " (\""
            + layout.property(slot).getName()
            + "\"): "
            + detail,
        e);
  }
}
