package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.GatewayJson;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON payload as Erlang External Term Format the way Discord wants it from clients: maps
 * with binary keys (never atoms, which Discord rejects with 4002), strings as binaries, {@code
 * null}/{@code true}/{@code false} as atoms, integers as small, 32-bit or big integers, other
 * numbers as 64-bit floats, arrays as lists. Never emits compressed terms.
 */
public final class JsonToEtf {

  private JsonToEtf() {}

  /**
   * Encodes one JSON value.
   *
   * @throws GatewayException of kind {@code INVALID_COMMAND} when {@code json} is not JSON
   */
  public static byte[] encode(String json) {
    JsonNode tree;
    try {
      tree = GatewayJson.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Cannot encode as ETF: " + e.getOriginalMessage(),
          e);
    }
    return encode(tree);
  }

  /** Encodes one JSON tree. */
  public static byte[] encode(JsonNode tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(EtfTags.VERSION);
    term(tree, out);
    return out.toByteArray();
  }

  private static void term(JsonNode node, ByteArrayOutputStream out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      atom("nil", out);
    } else if (node.isBoolean()) {
      atom(node.booleanValue() ? "true" : "false", out);
    } else if (node.isString()) {
      binary(node.stringValue(), out);
    } else if (node.isIntegralNumber()) {
      integer(node.bigIntegerValue(), out);
    } else if (node.isNumber()) {
      out.write(EtfTags.NEW_FLOAT_EXT);
      long bits = Double.doubleToLongBits(node.doubleValue());
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (bits >>> shift));
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.write(EtfTags.NIL_EXT);
        return;
      }
      out.write(EtfTags.LIST_EXT);
      u32(node.size(), out);
      for (JsonNode element : node) {
        term(element, out);
      }
      out.write(EtfTags.NIL_EXT);
    } else if (node.isObject()) {
      out.write(EtfTags.MAP_EXT);
      u32(node.size(), out);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        binary(field.getKey(), out);
        term(field.getValue(), out);
      }
    } else {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND, "Cannot encode " + node.getNodeType() + " as ETF");
    }
  }

  private static void integer(BigInteger value, ByteArrayOutputStream out) {
    if (value.signum() >= 0 && value.compareTo(BigInteger.valueOf(255)) <= 0) {
      out.write(EtfTags.SMALL_INTEGER_EXT);
      out.write(value.intValue());
    } else if (value.bitLength() < 32) {
      out.write(EtfTags.INTEGER_EXT);
      u32(value.intValue(), out);
    } else {
      byte[] magnitude = value.abs().toByteArray();
      int start = magnitude[0] == 0 ? 1 : 0;
      int digits = magnitude.length - start;
      out.write(EtfTags.SMALL_BIG_EXT);
      out.write(digits);
      out.write(value.signum() < 0 ? 1 : 0);
      for (int i = magnitude.length - 1; i >= start; i--) {
        out.write(magnitude[i]);
      }
    }
  }

  private static void binary(String text, ByteArrayOutputStream out) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(EtfTags.BINARY_EXT);
    u32(bytes.length, out);
    out.writeBytes(bytes);
  }

  private static void atom(String name, ByteArrayOutputStream out) {
    out.write(EtfTags.SMALL_ATOM_UTF8_EXT);
    out.write(name.length());
    out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
  }

  private static void u32(int value, ByteArrayOutputStream out) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
