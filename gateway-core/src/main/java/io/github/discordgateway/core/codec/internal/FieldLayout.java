package io.github.discordgateway.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.discordgateway.core.codec.GatewayJson;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * What {@link LazyFields} knows of one record type: its components as slots (its own, then those of
 * its {@link JsonUnwrapped} record), their accessors, and, when the record binder binds the type
 * itself, the binder's plan, the JSON keys of the slots and each component's value when its key is
 * absent. Immutable; one per type.
 *
 * <p>A single component is normalised as the record does it: the canonical constructor gets the
 * arguments an empty object would give, with only that component set, and the component is read
 * back. A type whose constructor rejects those arguments is never read field by field. A scalar
 * component (a string, a primitive or its box) that the constructor keeps as given skips that step:
 * this is checked once per component when the layout is made, by passing a probe value (and {@code
 * null}, for a reference type) and reading back the same value.
 */
final class FieldLayout {

  private static final ClassValue<FieldLayout> LAYOUTS =
      new ClassValue<>() {
        @Override
        protected FieldLayout computeValue(Class<?> type) {
          return new FieldLayout(type);
        }
      };

  final Class<?> type;
  final int outerCount;
  final int slotCount;
  final int unwrappedIndex;
  final Class<?> innerType;
  final String[] paths;
  private final MethodHandle[] accessors;

  // Field by field reading; all null when the type is always decoded whole.
  final FieldNames names;
  final RecordPlan outer;
  final RecordPlan inner;
  private final Object[] outerArgs;
  private final Object[] innerArgs;
  private final Object[] absentValues;
  private final boolean[] strings;
  private final boolean[] kept;

  private FieldLayout(Class<?> type) {
    this.type = type;
    RecordComponent[] own = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
    int unwrapped = -1;
    for (int i = 0; i < own.length; i++) {
      if (own[i].getAccessor().isAnnotationPresent(JsonUnwrapped.class)
          && own[i].getType().isRecord()
          && unwrapped < 0) {
        unwrapped = i;
      }
    }
    RecordComponent[] nested =
        unwrapped < 0 ? new RecordComponent[0] : own[unwrapped].getType().getRecordComponents();
    unwrappedIndex = unwrapped;
    innerType = unwrapped < 0 ? null : own[unwrapped].getType();
    outerCount = own.length;
    slotCount = own.length + nested.length;
    paths = new String[slotCount];
    accessors = new MethodHandle[slotCount];
    for (int i = 0; i < slotCount; i++) {
      RecordComponent c = i < outerCount ? own[i] : nested[i - outerCount];
      paths[i] = i < outerCount ? c.getName() : own[unwrapped].getName() + "." + c.getName();
      accessors[i] = accessor(c);
    }
    Lazy lazy = lazy(type, unwrapped);
    names = lazy == null ? null : lazy.names;
    outer = lazy == null ? null : lazy.outer;
    inner = lazy == null ? null : lazy.outer.unwrapped;
    outerArgs = lazy == null ? null : lazy.outerArgs;
    innerArgs = lazy == null ? null : lazy.innerArgs;
    absentValues = lazy == null ? null : lazy.absentValues;
    strings = lazy == null ? null : lazy.strings;
    kept = lazy == null ? null : lazy.kept;
  }

  /** Returns the layout of {@code type}. */
  static FieldLayout of(Class<?> type) {
    return LAYOUTS.get(type);
  }

  /** Returns whether the type is read field by field. */
  boolean lazy() {
    return names != null;
  }

  /** Returns the value of a component whose key is absent. */
  Object absent(int slot) {
    return absentValues[slot];
  }

  /** Returns whether the slot is a {@code String} that Jackson's own deserializer reads. */
  boolean plainString(int slot) {
    return strings[slot];
  }

  /** Returns the property deserializer of a slot. */
  SettableBeanProperty property(int slot) {
    return slot < outerCount ? outer.properties[slot] : inner.properties[slot - outerCount];
  }

  /** Returns the plan a slot belongs to. */
  RecordPlan plan(int slot) {
    return slot < outerCount ? outer : inner;
  }

  /** Returns a decoded component as the record's constructor normalises it. */
  Object normalize(int slot, Object value) throws Throwable {
    if (kept[slot]) {
      return value;
    }
    boolean own = slot < outerCount;
    Object[] args = (own ? outerArgs : innerArgs).clone();
    args[own ? slot : slot - outerCount] = value;
    Object record = (Object) (own ? outer : inner).constructor.invokeExact(args);
    return (Object) accessors[slot].invokeExact(record);
  }

  /** Returns a slot's component of a whole record of the type. */
  Object fromRecord(Object record, int slot) {
    try {
      if (slot >= outerCount) {
        record = (Object) accessors[unwrappedIndex].invokeExact(record);
      }
      return (Object) accessors[slot].invokeExact(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle accessor(RecordComponent component) {
    try {
      return MethodHandles.publicLookup()
          .unreflect(component.getAccessor())
          .asType(MethodType.methodType(Object.class, Object.class));
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Cannot read " + component, e);
    }
  }

  /** The parts of a layout that reading field by field needs. */
  private record Lazy(
      FieldNames names,
      RecordPlan outer,
      Object[] outerArgs,
      Object[] innerArgs,
      Object[] absentValues,
      boolean[] strings,
      boolean[] kept) {}

  private Lazy lazy(Class<?> type, int unwrapped) {
    if (!type.isRecord()) {
      return null;
    }
    DeserializationContext ctxt = GatewayJson.mapper()._deserializationContext();
    if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        || ctxt.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)) {
      return null;
    }
    ValueDeserializer<Object> deserializer;
    try {
      deserializer = ctxt.findRootValueDeserializer(ctxt.constructType(type));
    } catch (RuntimeException e) {
      return null;
    }
    if (!(deserializer instanceof RecordDeserializer record)) {
      return null;
    }
    RecordPlan plan = record.plan(ctxt);
    if (plan == RecordPlan.INELIGIBLE || plan.unwrappedIndex != unwrapped) {
      return null;
    }
    RecordPlan nested = plan.unwrapped;
    Map<String, Integer> keys = new HashMap<>(plan.indexes);
    if (nested != null) {
      nested.indexes.forEach((name, index) -> keys.put(name, outerCount + index));
    }
    boolean[] strings = new boolean[slotCount];
    for (int slot = 0; slot < slotCount; slot++) {
      if (slot == unwrapped) {
        continue;
      }
      SettableBeanProperty property =
          slot < outerCount ? plan.properties[slot] : nested.properties[slot - outerCount];
      strings[slot] =
          property.getType().getRawClass() == String.class
              && property.getValueTypeDeserializer() == null
              && property.getValueDeserializer().getClass() == StringDeserializer.class;
    }
    try {
      Object[] innerArgs = nested == null ? null : absentArgs(nested, ctxt, -1);
      Object innerDefaults =
          nested == null ? null : (Object) nested.constructor.invokeExact(innerArgs.clone());
      Object[] outerArgs = absentArgs(plan, ctxt, unwrapped);
      if (unwrapped >= 0) {
        outerArgs[unwrapped] = innerDefaults;
      }
      Object outerDefaults = (Object) plan.constructor.invokeExact(outerArgs.clone());
      Object[] absentValues = new Object[slotCount];
      for (int slot = 0; slot < slotCount; slot++) {
        absentValues[slot] =
            slot < outerCount
                ? (Object) accessors[slot].invokeExact(outerDefaults)
                : (Object) accessors[slot].invokeExact(innerDefaults);
      }
      boolean[] kept = new boolean[slotCount];
      for (int slot = 0; slot < slotCount; slot++) {
        kept[slot] = slot != unwrapped && keepsAsGiven(slot, plan, outerArgs, innerArgs);
      }
      return new Lazy(
          new FieldNames(keys, slotCount), plan, outerArgs, innerArgs, absentValues, strings, kept);
    } catch (Throwable e) {
      return null; // the record rejects an empty object: always decode it whole
    }
  }

  /** Returns whether the constructor keeps a scalar component as given (probe and null). */
  private boolean keepsAsGiven(int slot, RecordPlan plan, Object[] outerArgs, Object[] innerArgs)
      throws Throwable {
    boolean own = slot < outerCount;
    RecordPlan target = own ? plan : plan.unwrapped;
    Class<?> raw = target.properties[own ? slot : slot - outerCount].getType().getRawClass();
    Object probe = probe(raw);
    if (probe == null) {
      return false;
    }
    Object[] args = (own ? outerArgs : innerArgs).clone();
    args[own ? slot : slot - outerCount] = probe;
    Object back =
        (Object) accessors[slot].invokeExact((Object) target.constructor.invokeExact(args));
    if (raw.isPrimitive()) {
      return probe.equals(back);
    }
    args[own ? slot : slot - outerCount] = null;
    Object none =
        (Object) accessors[slot].invokeExact((Object) target.constructor.invokeExact(args));
    return back == probe && none == null;
  }

  /** Returns a value of a scalar type no constructor could have made itself, or null. */
  @SuppressWarnings("deprecation")
  private static Object probe(Class<?> type) {
    if (type == String.class) {
      return new String(new char[] {'\u2042', 'p', 'r', 'o', 'b', 'e'});
    } else if (type == Long.class || type == long.class) {
      return new Long(-7_342_981_234_567L);
    } else if (type == Integer.class || type == int.class) {
      return new Integer(-734_298_123);
    } else if (type == Boolean.class || type == boolean.class) {
      return new Boolean(true);
    } else if (type == Double.class || type == double.class) {
      return new Double(-7.342981234567e-11);
    }
    return null;
  }

  private static Object[] absentArgs(RecordPlan plan, DeserializationContext ctxt, int skip) {
    Object[] args = new Object[plan.properties.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = i == skip ? null : plan.absent(plan.properties[i], ctxt);
    }
    return args;
  }
}
