package io.github.discordgateway.benchmarks.jmh;

import com.ericsson.otp.erlang.OtpErlangDecodeException;
import com.ericsson.otp.erlang.OtpErlangObject;
import com.ericsson.otp.erlang.OtpInputStream;
import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.test.Etf;
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
    etf = Etf.fromJson(json);
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
}
