package io.github.discordgateway.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.LazyRecord;
import io.github.discordgateway.core.codec.RawJson;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A component read alone is normalised by the record's own constructor, also when the constructor
 * changes a string or a number: the lazy read never assumes a scalar is kept as given.
 */
class LazyNormalisationTest {

  /**
   * A model record whose constructor rewrites every kind of component.
   *
   * @param name stripped, {@code "none"} for null
   * @param count at least 1
   * @param flag kept
   * @param tags empty for null
   */
  public record Normalising(String name, Long count, boolean flag, List<String> tags) {

    /** Normalises every component. */
    public Normalising {
      name = name == null ? "none" : name.strip();
      count = count == null || count < 1 ? Long.valueOf(1) : count;
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  private static final LazyRecord.Component<Normalising, String> NAME =
      LazyRecord.Component.of(Normalising.class, "name");
  private static final LazyRecord.Component<Normalising, Long> COUNT =
      LazyRecord.Component.of(Normalising.class, "count");
  private static final LazyRecord.Component<Normalising, Boolean> FLAG =
      LazyRecord.Component.of(Normalising.class, "flag");
  private static final LazyRecord.Component<Normalising, List<String>> TAGS =
      LazyRecord.Component.of(Normalising.class, "tags");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"name\":null,\"count\":null,\"flag\":null,\"tags\":null}",
        "{\"name\":\"  padded  \",\"count\":-5,\"flag\":true,\"tags\":[\"a\"]}",
        "{\"name\":\"kept\",\"count\":7,\"flag\":false,\"tags\":[]}"
      })
  void eachComponentIsWhatTheConstructorMakesOfIt(String json) {
    Normalising whole = RawJson.of(json).decode(Normalising.class);
    LazyRecord<Normalising> lazy = LazyRecord.of(RawJson.of(json), Normalising.class);

    assertThat(lazy.get(NAME)).isEqualTo(whole.name());
    assertThat(lazy.get(COUNT)).isEqualTo(whole.count());
    assertThat(lazy.get(FLAG)).isEqualTo(whole.flag());
    assertThat(lazy.get(TAGS)).isEqualTo(whole.tags());
  }

  @org.junit.jupiter.api.Test
  void componentsAreReadOneByOne() {
    LazyRecord<Normalising> lazy =
        LazyRecord.of(RawJson.of("{\"name\":\" x \",\"count\":\"many\"}"), Normalising.class);

    assertThat(lazy.get(NAME)).isEqualTo("x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lazy.get(COUNT))
        .hasMessageContaining("Normalising")
        .hasMessageContaining("count");
  }
}
