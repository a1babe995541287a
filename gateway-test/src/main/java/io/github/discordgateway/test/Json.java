package io.github.discordgateway.test;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The fake's own JSON helpers (independent of the client's codec). */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses {@code text}; throws {@link JacksonException} for invalid JSON. */
  static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** Builds {@code {"op":0,"s":seq,"t":type,"d":data}} around already-serialized JSON data. */
  static byte[] dispatchEnvelope(long seq, String type, String dataJson) {
    StringBuilder sb = new StringBuilder(dataJson.length() + type.length() + 40);
    sb.append("{\"op\":0,\"s\":")
        .append(seq)
        .append(",\"t\":\"")
        .append(type)
        .append("\",\"d\":")
        .append(dataJson)
        .append('}');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Builds a non-dispatch payload with all four keys in Discord's order, {@code
   * {"t":null,"s":null,"op":op,"d":data}}: clients may read {@code t} and {@code s} without
   * checking that they are present.
   */
  static byte[] op(int op, String dataJson) {
    return ("{\"t\":null,\"s\":null,\"op\":" + op + ",\"d\":" + dataJson + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
