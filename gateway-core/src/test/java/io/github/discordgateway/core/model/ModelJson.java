package io.github.discordgateway.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helper: decodes with the two mappers the model must support and checks they agree, and that
 * the library's own mapper (one-pass record binding, fast timestamps) agrees with them.
 */
public final class ModelJson {

  /** A Jackson 3 mapper with every default. */
  public static final ObjectMapper DEFAULT = JsonMapper.builder().build();

  /** A mapper whose only change is tolerating unknown properties. */
  public static final ObjectMapper LENIENT =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Both mappers and the library's own. */
  public static final List<ObjectMapper> MAPPERS = List.of(DEFAULT, LENIENT, GatewayJson.mapper());

  private ModelJson() {}

  /** Decodes {@code json} with both mappers, asserts equal results and returns one. */
  public static <T> T decode(String json, Class<T> type) {
    T viaDefault = DEFAULT.readValue(json, type);
    T viaLenient = LENIENT.readValue(json, type);
    assertThat(viaLenient).isEqualTo(viaDefault);
    assertThat(GatewayJson.mapper().readValue(json, type)).isEqualTo(viaDefault);
    return viaDefault;
  }

  /** Decodes a tree with both mappers, asserts equal results and returns one. */
  public static <T> T decode(JsonNode json, Class<T> type) {
    T viaDefault = DEFAULT.treeToValue(json, type);
    T viaLenient = LENIENT.treeToValue(json, type);
    assertThat(viaLenient).isEqualTo(viaDefault);
    assertThat(GatewayJson.mapper().treeToValue(json, type)).isEqualTo(viaDefault);
    assertThat(GatewayJson.mapper().readValue(json.toString(), type)).isEqualTo(viaDefault);
    return viaDefault;
  }

  /** Reads an example envelope by file name. */
  public static JsonNode example(String fileName) {
    return DEFAULT.readTree(ExamplePayloads.text(fileName));
  }
}
