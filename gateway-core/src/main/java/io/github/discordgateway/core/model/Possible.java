package io.github.discordgateway.core.model;

import io.github.discordgateway.core.model.json.PossibleDeserializer;
import io.github.discordgateway.core.model.json.PossibleSerializer;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A field value with three states: the key was <em>absent</em>, present with JSON {@code null}, or
 * present with a value. Used only where Discord gives the difference a meaning, for example {@code
 * referenced_message} (absent: not fetched, {@code null}: deleted) and the partial fields of {@code
 * GUILD_MEMBER_UPDATE} (absent: unchanged, {@code null}: cleared).
 *
 * <pre>{@code
 * Possible<Message> ref = message.referencedMessage();
 * if (ref.isNull()) { ... }             // the replied-to message was deleted
 * ref.value().ifPresent(m -> ...);      // it was sent along
 * }</pre>
 *
 * @param <T> the value type
 */
@JsonDeserialize(using = PossibleDeserializer.class)
@JsonSerialize(using = PossibleSerializer.class)
public final class Possible<T> {

  private static final Possible<?> ABSENT = new Possible<>(null, false);
  private static final Possible<?> NULL = new Possible<>(null, true);

  private final T value;
  private final boolean present;

  private Possible(T value, boolean present) {
    this.value = value;
    this.present = present;
  }

  /** Returns the state "key absent". */
  @SuppressWarnings("unchecked")
  public static <T> Possible<T> absent() {
    return (Possible<T>) ABSENT;
  }

  /** Returns the state "key present with value {@code null}". */
  @SuppressWarnings("unchecked")
  public static <T> Possible<T> ofNull() {
    return (Possible<T>) NULL;
  }

  /** Returns the state "key present"; with a {@code null} argument the same as {@link #ofNull}. */
  public static <T> Possible<T> of(T value) {
    return value == null ? ofNull() : new Possible<>(value, true);
  }

  /** Returns whether the key was absent. */
  public boolean isAbsent() {
    return !present;
  }

  /** Returns whether the key was present (with a value or {@code null}). */
  public boolean isPresent() {
    return present;
  }

  /** Returns whether the key was present with value {@code null}. */
  public boolean isNull() {
    return present && value == null;
  }

  /** Returns whether the key was present with a non-null value. */
  public boolean hasValue() {
    return value != null;
  }

  /** Returns the value, empty when absent or {@code null}. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** Returns the value, or {@code other} when absent or {@code null}. */
  public T orElse(T other) {
    return value != null ? value : other;
  }

  /**
   * Returns the value.
   *
   * @throws NoSuchElementException when absent or {@code null}
   */
  public T get() {
    if (value == null) {
      throw new NoSuchElementException(present ? "value is null" : "value is absent");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Possible<?> other
        && present == other.present
        && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(present, value);
  }

  @Override
  public String toString() {
    return !present
        ? "Possible.absent"
        : value == null ? "Possible.null" : "Possible[" + value + "]";
  }
}
