package io.github.discordgateway.benchmarks.jmh;

import com.ericsson.otp.erlang.OtpErlangDecodeException;
import com.ericsson.otp.erlang.OtpErlangObject;
import com.ericsson.otp.erlang.OtpInputStream;
import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.model.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * CPU and allocation (run with {@code -prof gc}) per MESSAGE_CREATE of about 1.2 KB, JSON against
 * ETF: the envelope alone, and the envelope plus the typed {@link Message}. The ETF is written the
 * way Discord writes it (atom keys, snowflakes as 64-bit integers). {@code jinterfaceTermOnly}
 * decodes the same ETF with the Erlang/OTP Java interface into its term objects only (no envelope,
 * no JSON, no typed event): a lower bound of what that library would cost on the hot path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EtfBenchmark {

  private byte[] json;
  private byte[] etf;

  /** Builds the payload in both encodings. */
  @Setup
  public void setUp() {
    json = Payloads.envelope(Payloads.messageCreate(7), 4242);
    etf = DiscordEtf.encode(GatewayJson.mapper().readTree(json));
    System.err.println("# MESSAGE_CREATE: " + json.length + " bytes JSON, " + etf.length + " ETF");
  }

  /**
   * JSON envelope.
   *
   * @return the envelope
   */
  @Benchmark
  public Envelope jsonEnvelope() {
    return Encoding.JSON.decode(json, 0, json.length);
  }

  /**
   * ETF envelope (transcoded to the JSON envelope).
   *
   * @return the envelope
   */
  @Benchmark
  public Envelope etfEnvelope() {
    return Encoding.ETF.decode(etf, 0, etf.length);
  }

  /**
   * JSON envelope and typed message.
   *
   * @return the message
   */
  @Benchmark
  public Message jsonTyped() {
    return Encoding.JSON.decode(json, 0, json.length).data().decode(Message.class);
  }

  /**
   * ETF envelope and typed message.
   *
   * @return the message
   */
  @Benchmark
  public Message etfTyped() {
    return Encoding.ETF.decode(etf, 0, etf.length).data().decode(Message.class);
  }

  /**
   * The Erlang/OTP Java interface decoding the same ETF to its term objects only.
   *
   * @return the term
   * @throws OtpErlangDecodeException never for this payload
   */
  @Benchmark
  public OtpErlangObject jinterfaceTermOnly() throws OtpErlangDecodeException {
    return new OtpInputStream(etf, 0).read_any();
  }

  /** ETF as Discord writes it: atom keys, snowflake strings as SMALL_BIG_EXT, nil for null. */
  static final class DiscordEtf {

    private DiscordEtf() {}

    static byte[] encode(JsonNode node) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(131);
      write(node, out);
      return out.toByteArray();
    }

    private static void write(JsonNode node, ByteArrayOutputStream out) {
      if (node.isNull()) {
        atom("nil", out);
      } else if (node.isBoolean()) {
        atom(node.asBoolean() ? "true" : "false", out);
      } else if (node.isString()) {
        String text = node.asString();
        if (text.matches("[1-9][0-9]{16,18}")) {
          long id = Long.parseLong(text);
          out.write(110);
          out.write(8);
          out.write(0);
          for (int i = 0; i < 8; i++) {
            out.write((int) (id >>> (8 * i)) & 0xFF);
          }
        } else {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          out.write(109);
          u32(bytes.length, out);
          out.writeBytes(bytes);
        }
      } else if (node.isIntegralNumber()) {
        long v = node.asLong();
        if (v >= 0 && v < 256) {
          out.write(97);
          out.write((int) v);
        } else {
          out.write(98);
          u32((int) v, out);
        }
      } else if (node.isNumber()) {
        out.write(70);
        long bits = Double.doubleToLongBits(node.asDouble());
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (bits >>> shift) & 0xFF);
        }
      } else if (node.isArray()) {
        if (!node.isEmpty()) {
          out.write(108);
          u32(node.size(), out);
          node.forEach(e -> write(e, out));
        }
        out.write(106);
      } else {
        out.write(116);
        u32(node.size(), out);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          atom(field.getKey(), out);
          write(field.getValue(), out);
        }
      }
    }

    private static void atom(String name, ByteArrayOutputStream out) {
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      out.write(119);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }

    private static void u32(int value, ByteArrayOutputStream out) {
      out.write(value >>> 24);
      out.write(value >>> 16);
      out.write(value >>> 8);
      out.write(value);
    }
  }
}
