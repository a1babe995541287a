package io.github.discordgateway.core.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalises collections in record constructors: absent ({@code null}) becomes empty, {@code null}
 * elements are dropped, and the result is unmodifiable. Internal: not part of the public API.
 */
public final class Lists {

  private Lists() {}

  /** Returns an unmodifiable, null-free copy of {@code list}; empty for {@code null}. */
  public static <T> List<T> of(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(list.size());
    for (T element : list) {
      if (element != null) {
        copy.add(element);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Returns an unmodifiable copy of {@code map} without null keys or values; empty for null. */
  public static <K, V> Map<K, V> of(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<K, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /** Returns {@code value}, or {@code fallback} when it is {@code null}. */
  public static <T> T orElse(T value, T fallback) {
    return Objects.requireNonNullElse(value, fallback);
  }
}
