package io.github.discordgateway.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Binds a model record in one pass over its JSON object, using the property deserializers Jackson
 * resolved for it (so names, null handling, snowflakes and lenient enums are exactly Jackson's),
 * but without Jackson's per-object creator buffer and reflective {@code invokeWithArguments}: the
 * arguments go into one array and the canonical constructor is called through a spreading method
 * handle. A record with one {@link JsonUnwrapped} component (the message of {@code MESSAGE_CREATE})
 * is bound in the same pass: keys the outer record does not know go to the unwrapped record,
 * instead of buffering the whole object and binding it twice.
 *
 * <p>Anything this class does not handle the same way as Jackson (a value that is not an object,
 * injected or required properties, any-setters, object ids, keys both records claim, strict creator
 * features) is passed to the Jackson deserializer it wraps, as is every constructor failure (so the
 * error is Jackson's).
 */
public final class RecordDeserializer extends DelegatingDeserializer {

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Class<?> type;
  private volatile RecordPlan plan;

  public RecordDeserializer(ValueDeserializer<?> delegatee, Class<?> type) {
    super(delegatee);
    this.type = type;
  }

  @Override
  protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
    return new RecordDeserializer(newDelegatee, type);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) {
    RecordPlan current = plan(ctxt);
    if (current == RecordPlan.INELIGIBLE
        || !p.isExpectedStartObjectToken()
        || ctxt.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        || ctxt.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)) {
      return _delegatee.deserialize(p, ctxt);
    }
    Scratch scratch = SCRATCH.get();
    Object[] args = scratch.acquire(current.template);
    RecordPlan inner = current.unwrapped;
    Object[] innerArgs = inner == null ? null : scratch.acquire(inner.template);
    Names names = current.names;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      p.nextToken();
      int slot = names.find(name);
      if (slot < 0) {
        p.skipChildren();
      } else if (slot < Names.INNER) {
        args[slot] = current.read(slot, name, p, ctxt);
      } else {
        int index = slot - Names.INNER;
        innerArgs[index] = inner.read(index, name, p, ctxt);
      }
    }
    if (inner != null) {
      args[current.unwrappedIndex] = inner.build(innerArgs, ctxt);
      scratch.release(innerArgs);
    }
    Object value = current.build(args, ctxt);
    scratch.release(args);
    return value;
  }

  /** Returns the plan of the record, made on first use. */
  RecordPlan plan(DeserializationContext ctxt) {
    RecordPlan current = plan;
    if (current == null) {
      current = RecordPlan.of(type, _delegatee, ctxt);
      plan = current;
    }
    return current;
  }

  /**
   * The property names of a record and of its unwrapped record in one open-addressing table, found
   * by the name's cached hash. A slot whose name was matched by content takes the parser's instance
   * of the name: the parser hands out the same canonical instance for a name every time, so the
   * next look-ups of that name match by reference. Slots only ever hold equal strings, so
   * concurrent updates are harmless.
   */
  static final class Names {
    /** Added to the index of a property of the unwrapped record. */
    static final int INNER = 1 << 16;

    private final String[] keys;
    private final int[] slots;
    private final int mask;

    Names(Map<String, Integer> own, RecordPlan unwrapped) {
      int count = own.size() + (unwrapped == null ? 0 : unwrapped.indexes.size());
      int size = Integer.highestOneBit(Math.max(4, count * 4) - 1) << 1;
      keys = new String[size];
      slots = new int[size];
      mask = size - 1;
      own.forEach((name, index) -> put(name, index));
      if (unwrapped != null) {
        unwrapped.indexes.forEach((name, index) -> put(name, INNER + index));
      }
    }

    private void put(String name, int slot) {
      int i = spread(name.hashCode()) & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = name;
      slots[i] = slot;
    }

    /** Returns the slot of {@code name}, or -1 when neither record has it. */
    int find(String name) {
      int i = spread(name.hashCode()) & mask;
      for (String key = keys[i]; key != null; key = keys[i]) {
        if (key == name) {
          return slots[i];
        }
        if (key.equals(name)) {
          keys[i] = name;
          return slots[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }

  /**
   * Argument arrays of one thread, reused: a record's constructor copies the arguments, so the
   * array is free again once the record exists. A stack per length serves nested records of the
   * same type (a message's referenced message); deeper nesting allocates.
   */
  private static final class Scratch {
    private static final int MAX_LENGTH = 64;
    private static final int DEPTH = 4;

    private final Object[][][] free = new Object[MAX_LENGTH + 1][][];
    private final int[] count = new int[MAX_LENGTH + 1];

    Object[] acquire(Object[] template) {
      int n = template.length;
      if (n <= MAX_LENGTH && count[n] > 0) {
        Object[] args = free[n][--count[n]];
        free[n][count[n]] = null;
        System.arraycopy(template, 0, args, 0, n);
        return args;
      }
      return template.clone();
    }

    void release(Object[] args) {
      int n = args.length;
      if (n > MAX_LENGTH) {
        return;
      }
      Object[][] stack = free[n];
      if (stack == null) {
        stack = new Object[DEPTH][];
        free[n] = stack;
      }
      if (count[n] < DEPTH) {
        Arrays.fill(args, null);
        stack[count[n]++] = args;
      }
    }
  }
}
