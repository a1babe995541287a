package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.codec.RawJson;
import java.lang.invoke.MethodHandles;

/**
 * The internal side of {@link RawJson}: a value the envelope decoder made from a JSON object it has
 * already scanned carries where each top-level member starts (the offset of the key's opening
 * quote, in order), so that {@link FieldIndex} finds the values without a second pass over them.
 * Values made with {@link RawJson#of} carry none.
 *
 * <p>{@link RawJson} registers its access once, when it is initialised; nothing else can.
 */
public final class RawJsonMembers {

  /** What {@link RawJson} lets this package do. */
  public interface Access {

    /** Returns a byte-backed value that carries {@code members}. */
    RawJson of(byte[] utf8, int[] members);

    /** Returns the members {@code raw} carries, or {@code null}. */
    int[] members(RawJson raw);
  }

  private static volatile Access access;

  static {
    try {
      MethodHandles.lookup().ensureInitialized(RawJson.class); // it registers
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RawJsonMembers() {}

  /**
   * Called once by {@link RawJson}.
   *
   * @param rawJson the access
   * @throws IllegalStateException when called again
   */
  public static synchronized void register(Access rawJson) {
    if (access != null) {
      throw new IllegalStateException("already registered");
    }
    access = rawJson;
  }

  /** Returns UTF-8 bytes of a JSON object wrapped with where its members start. */
  static RawJson of(byte[] utf8, int[] members) {
    return access.of(utf8, members);
  }

  /** Returns where the members of {@code raw} start, or {@code null} when it does not say. */
  static int[] members(RawJson raw) {
    return access.members(raw);
  }
}
