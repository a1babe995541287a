package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time byte grammar ({@link Utf8Skipper}) must accept and reject exactly what the
 * byte-at-a-time grammar ({@link JsonSkipper}, here {@link ReferenceByteScanner}) does, stopping at
 * the same index, on generated input around every 8-byte word boundary, at any offset, with the
 * payload ending anywhere and bytes after its end that would change the answer if they were read;
 * and whatever it accepts, Jackson reads the same.
 */
class Utf8SkipperTest {

  private static final long SEED = 20261202L;

  /** Sequences that stop the word-at-a-time scan of a string, valid or not. */
  private static final List<byte[]> SPECIALS =
      List.of(
          ascii("\\\""),
          ascii("\\\\"),
          ascii("\\/"),
          ascii("\\b"),
          ascii("\\f"),
          ascii("\\n"),
          ascii("\\r"),
          ascii("\\t"),
          ascii("\\u00e9"),
          ascii("\\uD83D\\uDE80"),
          ascii("\\uABcd"),
          ascii("\\u12G4"),
          ascii("\\u12"),
          ascii("\\x"),
          ascii("\\"),
          ascii("\""),
          bytes(0x00),
          bytes(0x09),
          bytes(0x1F),
          bytes(0x7F),
          bytes(0x20),
          utf8("\u00e9"),
          utf8("\u07ff"),
          utf8("\u0800"),
          utf8("\u20ac"),
          utf8("\uffff"),
          utf8("\uD83D\uDE80"),
          utf8("\uDBFF\uDFFF"),
          bytes(0x80),
          bytes(0xBF),
          bytes(0xC0, 0x80),
          bytes(0xC1, 0xBF),
          bytes(0xC3),
          bytes(0xC3, 0xC3),
          bytes(0xE0, 0x80, 0x80),
          bytes(0xE0, 0x9F, 0xBF),
          bytes(0xED, 0xA0, 0x80),
          bytes(0xED, 0x9F, 0xBF),
          bytes(0xE2, 0x82),
          bytes(0xF0, 0x80, 0x80, 0x80),
          bytes(0xF0, 0x8F, 0xBF, 0xBF),
          bytes(0xF4, 0x90, 0x80, 0x80),
          bytes(0xF0, 0x9F, 0x9A),
          bytes(0xF5, 0x80, 0x80, 0x80),
          bytes(0xFF));

  private static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "7",
          "-12",
          "3.25",
          "1e5",
          "1E+5",
          "-2.5e-3",
          "0.0",
          "12345678901234567890",
          "1".repeat(100),
          "-" + "1".repeat(99),
          "0e0",
          "01",
          "1.",
          ".5",
          "+1",
          "1e",
          "-",
          "1e+",
          "--1",
          "1".repeat(101),
          "0x1",
          "1.2.3",
          "Infinity",
          "-a",
          "1.e3",
          "2E-");

  private static final List<String> LITERALS =
      List.of(
          "true", "false", "null", "tru", "fals", "nul", "truex", "nulll", "True", "falsE", "f",
          "n", "t", "nuls", "fal");

  private static final byte[] ALPHABET =
      utf8("{}[]\",:\\ \n\t0123456789.eE+-tfnrulasdbxu\u00e9\u20ac\uD83D\uDE80");

  @Test
  @DisplayName("a special byte at every position of an 8-byte word, at every offset, cut anywhere")
  void specialsAtEveryWordPosition() {
    byte[] garbage = ascii("\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"");
    for (byte[] special : SPECIALS) {
      for (int before = 0; before <= 17; before++) {
        for (int after = 0; after <= 9; after += 3) {
          for (int off = 0; off < 8; off++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(garbage, 0, off);
            out.write('"');
            out.write(ascii("abcdefghijklmnopqrstuvwxyz"), 0, before);
            out.write(special, 0, special.length);
            out.write(ascii("ABCDEFGHIJ"), 0, after);
            out.write('"');
            int full = out.size();
            out.write(garbage, 0, garbage.length);
            byte[] buf = out.toByteArray();
            for (int end = off; end <= full; end++) {
              assertSameString(buf, off, end);
            }
          }
        }
      }
    }
  }

  @Test
  @DisplayName("random strings of plain runs, escapes, controls and valid or broken UTF-8")
  void randomStrings() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int round = 0; round < 20_000; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int off = random.nextInt(16);
      out.write(ALPHABET, 0, off);
      string(random, out);
      int full = out.size();
      out.write(ascii("\"\\\"}"), 0, 4);
      byte[] buf = out.toByteArray();
      int end = random.nextInt(3) == 0 ? off + random.nextInt(full - off + 1) : full;
      assertSameString(buf, off, end);
    }
  }

  @Test
  @DisplayName("random values, nested, spaced, damaged and cut, skip to the same index")
  void randomValues() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    int accepted = 0;
    for (int round = 0; round < 20_000; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int off = random.nextInt(16);
      out.write(ALPHABET, 0, off);
      value(random, out, random.nextInt(20) == 0 ? 70 : 4);
      byte[] buf = damage(random, out.toByteArray(), off);
      int full = buf.length;
      buf = Arrays.copyOf(buf, full + 3);
      buf[full] = ']';
      buf[full + 1] = '}';
      buf[full + 2] = '"';
      int end = random.nextInt(4) == 0 ? off + random.nextInt(full - off + 1) : full;
      int expected = new ReferenceByteScanner(buf, off, end - off).skipValue(off);
      int actual = Utf8Skipper.skipValue(buf, off, end);
      if (actual != expected) {
        fail("skipValue: %d, expected %d for %s", actual, expected, hex(buf, off, end));
      }
      int exact = Utf8Skipper.skipValue(Arrays.copyOf(buf, end), off, end);
      assertThat(exact).as("on a buffer that ends at end").isEqualTo(expected);
      if (expected >= 0) {
        accepted++;
      }
    }
    assertThat(accepted).as("values both grammars accepted").isGreaterThan(3_000);
  }

  @Test
  @DisplayName(
      "random envelopes scan the same on both grammars, and Jackson reads what they accept")
  void randomEnvelopes() {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    int accepted = 0;
    for (int round = 0; round < 6_000; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int off = random.nextInt(16);
      out.write(ALPHABET, 0, off);
      out.writeBytes(ascii("{\"op\":0,\"s\":" + round + ",\"t\":\"MESSAGE_CREATE\",\"d\":"));
      value(random, out, random.nextInt(20) == 0 ? 70 : 5);
      out.writeBytes(ascii(random.nextBoolean() ? "}" : " , \"x\" : [ \"d\" ] }\n"));
      int full = out.size();
      out.writeBytes(ascii("}]\""));
      byte[] buf = out.toByteArray();
      int end = random.nextInt(5) == 0 ? off + random.nextInt(full - off + 1) : full;
      if (assertSameEnvelope(buf, off, end - off)) {
        accepted++;
      }
    }
    assertThat(accepted).as("envelopes the fast path accepted").isGreaterThan(1_000);
  }

  @Test
  @DisplayName("the protocol examples scan the same on both grammars, at every offset in a word")
  void examplesScanTheSame() {
    for (String name : ExamplePayloads.NAMES) {
      byte[] json = utf8(ExamplePayloads.text(name));
      for (int off = 0; off < 8; off++) {
        byte[] framed = new byte[off + json.length + 2];
        Arrays.fill(framed, (byte) '"');
        System.arraycopy(json, 0, framed, off, json.length);
        assertThat(assertSameEnvelope(framed, off, json.length)).as(name).isTrue();
      }
    }
  }

  @Test
  @DisplayName("the longest string the fast path takes, and one byte more")
  void longestString() {
    for (int length :
        new int[] {JsonSkipper.MAX_STRING_LENGTH - 1, JsonSkipper.MAX_STRING_LENGTH}) {
      byte[] buf = new byte[length + 3];
      Arrays.fill(buf, (byte) 'a');
      buf[1] = '"';
      buf[length + 2] = '"';
      assertSameString(buf, 1, buf.length);
    }
  }

  private static void assertSameString(byte[] buf, int off, int end) {
    int expected = new ReferenceByteScanner(buf, off, end - off).skipString(off);
    int actual = Utf8Skipper.skipString(buf, off, end);
    if (actual != expected) {
      fail("skipString: %d, expected %d for %s", actual, expected, hex(buf, off, end));
    }
    if (end < buf.length) {
      int exact = Utf8Skipper.skipString(Arrays.copyOf(buf, end), off, end);
      if (exact != expected) {
        fail("skipString at the array's end: %d, expected %d", exact, expected);
      }
    }
  }

  /** Returns whether the fast path accepted the payload. */
  private static boolean assertSameEnvelope(byte[] buf, int off, int len) {
    EnvelopeScanner fast = new EnvelopeScanner.Bytes(buf, off, len);
    EnvelopeScanner reference = new ReferenceByteScanner(buf, off, len);
    boolean accepted = fast.scan();
    assertThat(accepted).as("scan of %s", hex(buf, off, off + len)).isEqualTo(reference.scan());
    if (!accepted) {
      return false;
    }
    assertThat(fields(fast)).isEqualTo(fields(reference));
    Envelope decoded = EnvelopeDecoder.decode(buf, off, len);
    Envelope parsed;
    try {
      parsed = EnvelopeDecoder.parse(buf, off, len);
    } catch (GatewayException e) {
      throw new AssertionError("Jackson rejects what the fast path accepts: " + hex(buf, off, len));
    }
    assertThat(describe(decoded)).isEqualTo(describe(parsed));
    return true;
  }

  private static List<Object> fields(EnvelopeScanner s) {
    return List.of(s.op, s.hasOp, s.sequence, s.typeStart, s.typeEnd, s.dataStart, s.dataEnd);
  }

  private static List<Object> describe(Envelope e) {
    List<Object> parts = new ArrayList<>();
    parts.add(e.op());
    parts.add(e.sequence());
    parts.add(e.type());
    parts.add(e.data() == null ? null : e.data().json());
    return parts;
  }

  private static void value(SplittableRandom random, ByteArrayOutputStream out, int depth) {
    space(random, out);
    int kind = depth <= 0 ? 2 + random.nextInt(3) : random.nextInt(depth > 10 ? 2 : 5);
    switch (kind) {
      case 0 -> {
        out.write('{');
        int members = depth > 10 ? 1 : random.nextInt(4);
        for (int m = 0; m < members; m++) {
          if (m > 0) {
            out.write(',');
          }
          space(random, out);
          string(random, out);
          space(random, out);
          out.write(':');
          value(random, out, depth - 1);
        }
        space(random, out);
        out.write('}');
      }
      case 1 -> {
        out.write('[');
        int elements = depth > 10 ? 1 : random.nextInt(4);
        for (int e = 0; e < elements; e++) {
          if (e > 0) {
            out.write(',');
          }
          value(random, out, depth - 1);
        }
        space(random, out);
        out.write(']');
      }
      case 2 -> string(random, out);
      case 3 -> out.writeBytes(ascii(NUMBERS.get(random.nextInt(NUMBERS.size()))));
      default -> out.writeBytes(ascii(LITERALS.get(random.nextInt(LITERALS.size()))));
    }
    space(random, out);
  }

  private static void string(SplittableRandom random, ByteArrayOutputStream out) {
    out.write('"');
    int pieces = random.nextInt(6);
    for (int p = 0; p < pieces; p++) {
      if (random.nextInt(3) == 0) {
        byte[] special = SPECIALS.get(random.nextInt(SPECIALS.size()));
        if (random.nextInt(4) != 0 || special.length > 1 || special[0] != '"') {
          out.writeBytes(special);
        }
      } else {
        int run = random.nextInt(random.nextBoolean() ? 4 : 24);
        for (int k = 0; k < run; k++) {
          out.write('a' + random.nextInt(26));
        }
      }
    }
    out.write('"');
  }

  private static void space(SplittableRandom random, ByteArrayOutputStream out) {
    switch (random.nextInt(12)) {
      case 0 -> out.write(' ');
      case 1 -> out.writeBytes(ascii("\r\n\t "));
      case 2 -> out.write(random.nextInt(10) == 0 ? 0x0B : '\n');
      default -> {}
    }
  }

  private static byte[] damage(SplittableRandom random, byte[] bytes, int off) {
    if (random.nextInt(3) != 0 || bytes.length <= off) {
      return bytes;
    }
    int at = off + random.nextInt(bytes.length - off);
    byte b =
        random.nextBoolean()
            ? ALPHABET[random.nextInt(ALPHABET.length)]
            : (byte) random.nextInt(256);
    return switch (random.nextInt(3)) {
      case 0 -> {
        byte[] copy = bytes.clone();
        copy[at] = b;
        yield copy;
      }
      case 1 -> {
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
        yield shorter;
      }
      default -> {
        byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, at);
        longer[at] = b;
        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
        yield longer;
      }
    };
  }

  private static String hex(byte[] buf, int from, int to) {
    return HexFormat.ofDelimiter(" ").formatHex(buf, from, to)
        + " ("
        + new String(buf, from, to - from, StandardCharsets.UTF_8)
        + ")";
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
