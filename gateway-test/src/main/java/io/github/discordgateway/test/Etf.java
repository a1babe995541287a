package io.github.discordgateway.test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's own Erlang External Term Format writer and reader for {@code encoding=etf},
 * independent of the client's codec. It writes what Discord writes: atom keys, snowflake ids as
 * 64-bit integers, {@code nil} for null, binaries for other strings. It reads what clients must
 * send: maps with binary keys (an atom key is a decode error, as on Discord).
 *
 * <p>{@link #fromJson(byte[])} is public so that benchmarks and tests can build ETF frames shaped
 * like Discord's:
 *
 * <pre>{@code byte[] etf = Etf.fromJson(jsonPayload);}</pre>
 */
public final class Etf {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 64;

  private Etf() {}

  /**
   * Writes the JSON payload {@code json} as ETF the way Discord writes it.
   *
   * @param json a JSON document (UTF-8)
   * @return the ETF bytes, starting with the version byte 131
   */
  public static byte[] fromJson(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
    out.write(131);
    write(Json.MAPPER.readTree(json), false, out);
    return out.toByteArray();
  }

  private static void write(JsonNode node, boolean idField, ByteArrayOutputStream out) {
    if (node.isNull()) {
      atom("nil", out);
    } else if (node.isBoolean()) {
      atom(node.booleanValue() ? "true" : "false", out);
    } else if (node.isString()) {
      String text = node.stringValue();
      if (idField && text.matches("[1-9][0-9]{0,18}")) {
        long id = Long.parseLong(text);
        out.write(110);
        out.write(8);
        out.write(0);
        for (int i = 0; i < 8; i++) {
          out.write((int) (id >>> (8 * i)));
        }
      } else {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(109);
        u32(bytes.length, out);
        out.writeBytes(bytes);
      }
    } else if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.signum() >= 0 && value.bitLength() <= 8) {
        out.write(97);
        out.write(value.intValue());
      } else if (value.bitLength() < 32) {
        out.write(98);
        u32(value.intValue(), out);
      } else {
        byte[] magnitude = value.abs().toByteArray();
        int start = magnitude[0] == 0 ? 1 : 0;
        out.write(110);
        out.write(magnitude.length - start);
        out.write(value.signum() < 0 ? 1 : 0);
        for (int i = magnitude.length - 1; i >= start; i--) {
          out.write(magnitude[i]);
        }
      }
    } else if (node.isNumber()) {
      out.write(70);
      long bits = Double.doubleToLongBits(node.doubleValue());
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (bits >>> shift));
      }
    } else if (node.isArray()) {
      if (!node.isEmpty()) {
        out.write(108);
        u32(node.size(), out);
        for (JsonNode element : node) {
          write(element, idField, out);
        }
      }
      out.write(106);
    } else {
      out.write(116);
      u32(node.size(), out);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        atom(key, out);
        write(field.getValue(), key.equals("id") || key.endsWith("_id"), out);
      }
    }
  }

  private static void atom(String name, ByteArrayOutputStream out) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 255) {
      out.write(118);
      out.write(bytes.length >>> 8);
      out.write(bytes.length);
    } else {
      out.write(119);
      out.write(bytes.length);
    }
    out.writeBytes(bytes);
  }

  private static void u32(int value, ByteArrayOutputStream out) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  // ---- reading what clients send ------------------------------------------------------------

  /** A client payload that is not ETF as Discord accepts it. */
  static final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }
  }

  /** Reads one ETF payload a client sent. */
  static JsonNode toJson(byte[] etf) {
    Reader reader = new Reader(etf);
    if (reader.u8() != 131) {
      throw new DecodeException("no ETF version byte");
    }
    JsonNode node = reader.term(0);
    if (reader.pos != etf.length) {
      throw new DecodeException("bytes after the term");
    }
    return node;
  }

  private static final class Reader {
    private final byte[] in;
    private int pos;

    Reader(byte[] in) {
      this.in = in;
    }

    JsonNode term(int depth) {
      if (depth > MAX_DEPTH) {
        throw new DecodeException("nested too deep");
      }
      int tag = u8();
      return switch (tag) {
        case 97 -> NODES.numberNode(u8());
        case 98 -> NODES.numberNode(i32());
        case 70 ->
            NODES.numberNode(Double.longBitsToDouble(((long) i32() << 32) | (i32() & 0xFFFFFFFFL)));
        case 110 -> big(u8());
        case 109 -> NODES.stringNode(text(len(i32())));
        case 119, 115 -> atom(text(len(u8())));
        case 118, 100 -> atom(text(len(u16())));
        case 106 -> NODES.arrayNode();
        case 107 -> {
          int n = len(u16());
          ArrayNode list = NODES.arrayNode();
          for (int i = 0; i < n; i++) {
            list.add(u8());
          }
          yield list;
        }
        case 108 -> {
          int n = len(i32());
          ArrayNode list = NODES.arrayNode();
          for (int i = 0; i < n; i++) {
            list.add(term(depth + 1));
          }
          if (u8() != 106) {
            throw new DecodeException("improper list");
          }
          yield list;
        }
        case 116 -> {
          int n = len(i32());
          ObjectNode map = NODES.objectNode();
          for (int i = 0; i < n; i++) {
            int keyTag = u8();
            if (keyTag != 109) {
              throw new DecodeException("map key of tag " + keyTag + " (keys must be binaries)");
            }
            String key = text(len(i32()));
            map.set(key, term(depth + 1));
          }
          yield map;
        }
        default -> throw new DecodeException("unsupported term tag " + tag);
      };
    }

    private JsonNode atom(String name) {
      return switch (name) {
        case "nil", "null" -> NODES.nullNode();
        case "true" -> NODES.booleanNode(true);
        case "false" -> NODES.booleanNode(false);
        default -> NODES.stringNode(name);
      };
    }

    private JsonNode big(int digits) {
      int sign = u8();
      len(digits);
      if (digits > 16) {
        throw new DecodeException("big integer too large");
      }
      byte[] magnitude = new byte[digits];
      for (int i = 0; i < digits; i++) {
        magnitude[digits - 1 - i] = in[pos++];
      }
      BigInteger value = new BigInteger(1, magnitude);
      return NODES.numberNode(sign == 1 ? value.negate() : value);
    }

    private String text(int n) {
      String s = new String(in, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    private int len(int n) {
      if (n < 0 || n > in.length - pos) {
        throw new DecodeException("length " + n + " beyond the payload");
      }
      return n;
    }

    int u8() {
      if (pos >= in.length) {
        throw new DecodeException("truncated");
      }
      return in[pos++] & 0xFF;
    }

    private int u16() {
      return (u8() << 8) | u8();
    }

    private int i32() {
      return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }
  }
}
