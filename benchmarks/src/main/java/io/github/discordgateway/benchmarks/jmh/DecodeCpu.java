package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.LazyRecord;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.model.event.MessageCreate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Function;

/**
 * The typed decode of {@link TypedDecodeBenchmark} measured in thread CPU time, which waiting for a
 * CPU on a loaded machine does not inflate (JMH's wall-clock scores do): per target, 100,000
 * warm-up decodes, then the best of 5 rounds of 100,000 timed with {@link
 * ThreadMXBean#getCurrentThreadCpuTime()}, and the bytes the thread allocated per decode.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.discordgateway.benchmarks.jmh.DecodeCpu
 * }</pre>
 *
 * <p>Options (system properties): {@code -Dn=100000} decodes per round, {@code -Dwarmup=100000}
 * decodes before the rounds, {@code -Drounds=5}, {@code
 * -Dtargets=messageCreate,message,tree,lazyContent,lazyThreeFields} ({@code lazyContent}: a {@link
 * LazyRecord} of the {@code MessageCreate} and its message's content; {@code lazyThreeFields}: the
 * content, the author and the guild id, each over a {@code RawJson} made from the bytes of {@code
 * d}; {@code memoizedSecondField}, not in the default list, reads the author of a payload whose
 * content was read; {@code readerContent} and {@code readerThreeFields}, not in the default list,
 * the same reads over the {@code d} the envelope decoder hands a listener, which carries where its
 * members start; {@code envelope}, not in the default list, is the envelope decode of the whole
 * payload that the socket reader runs: the validating scan of {@code d} and its copy).
 */
public final class DecodeCpu {

  /** Keeps each decoded value reachable, so that the decode cannot be optimised away. */
  private static volatile Object sink;

  private DecodeCpu() {}

  /**
   * Runs the measurement and prints one line per target.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    int n = Integer.getInteger("n", 100_000);
    int warmup = Integer.getInteger("warmup", 100_000);
    int rounds = Integer.getInteger("rounds", 5);
    String[] targets =
        System.getProperty("targets", "messageCreate,message,tree,lazyContent,lazyThreeFields")
            .split(",");
    byte[] envelope = Payloads.envelope(Payloads.messageCreate(7), 4242);
    byte[] data = EnvelopeDecoder.decode(envelope, 0, envelope.length).data().bytes();
    System.out.printf(
        Locale.ROOT,
        "MESSAGE_CREATE envelope %,d B, d %,d B; %,d decodes per round, best of %d%n",
        envelope.length,
        data.length,
        n,
        rounds);
    for (String target : targets) {
      Result result = measure(decoder(target.trim(), envelope), data, warmup, n, rounds);
      System.out.printf(
          Locale.ROOT,
          "%-14s %6.2f us CPU/decode (rounds: %s)  %,7d B/decode%n",
          target.trim(),
          result.bestNanos / 1000.0,
          result.rounds,
          result.bytes);
    }
  }

  /**
   * One target's figures.
   *
   * @param target the target's name
   * @param cpuNanos thread CPU per decode, best round
   * @param bytes bytes allocated per decode, best round
   * @param payloadBytes the size of the {@code d} decoded
   */
  public record Measurement(String target, double cpuNanos, long bytes, int payloadBytes) {}

  /**
   * Measures one target on the MESSAGE_CREATE fixture, as {@link #main} does.
   *
   * @param target a target name of {@link #main}'s list
   * @param warmup decodes before the rounds
   * @param n decodes per round
   * @param rounds rounds (the best counts)
   * @return the figures
   */
  public static Measurement measure(String target, int warmup, int n, int rounds) {
    byte[] envelope = Payloads.envelope(Payloads.messageCreate(7), 4242);
    byte[] data = EnvelopeDecoder.decode(envelope, 0, envelope.length).data().bytes();
    Result result = measure(decoder(target, envelope), data, warmup, n, rounds);
    return new Measurement(target, result.bestNanos, result.bytes, data.length);
  }

  private static Function<byte[], Object> decoder(String target, byte[] envelope) {
    return switch (target) {
      case "envelope" -> bytes -> EnvelopeDecoder.decode(envelope, 0, envelope.length);
      case "messageCreate" -> bytes -> RawJson.of(bytes).decode(MessageCreate.class);
      case "message" -> bytes -> RawJson.of(bytes).decode(Message.class);
      case "tree" -> bytes -> RawJson.of(bytes).tree();
      case "lazyContent" ->
          bytes ->
              LazyRecord.of(RawJson.of(bytes), MessageCreate.class)
                  .unwrapped(TypedDecodeBenchmark.MESSAGE)
                  .get(TypedDecodeBenchmark.CONTENT);
      case "lazyThreeFields" -> bytes -> threeFields(RawJson.of(bytes));
      case "readerContent" -> {
        RawJson read = EnvelopeDecoder.decode(envelope, 0, envelope.length).data();
        yield bytes ->
            LazyRecord.of(read, MessageCreate.class)
                .unwrapped(TypedDecodeBenchmark.MESSAGE)
                .get(TypedDecodeBenchmark.CONTENT);
      }
      case "memoizedSecondField" -> {
        RawJson read = EnvelopeDecoder.decode(envelope, 0, envelope.length).data();
        read.decode(MessageCreate.class).message().content();
        yield bytes -> read.decode(MessageCreate.class).message().author();
      }
      case "readerThreeFields" -> {
        RawJson read = EnvelopeDecoder.decode(envelope, 0, envelope.length).data();
        yield bytes -> threeFields(read);
      }
      default -> throw new IllegalArgumentException("Unknown target " + target);
    };
  }

  private static Object threeFields(RawJson data) {
    LazyRecord<MessageCreate> event = LazyRecord.of(data, MessageCreate.class);
    LazyRecord<Message> message = event.unwrapped(TypedDecodeBenchmark.MESSAGE);
    message.get(TypedDecodeBenchmark.CONTENT);
    message.get(TypedDecodeBenchmark.AUTHOR);
    return event.get(TypedDecodeBenchmark.GUILD_ID);
  }

  private record Result(double bestNanos, String rounds, long bytes) {}

  private static Result measure(
      Function<byte[], Object> decode, byte[] data, int warmup, int n, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean allocation =
        threads instanceof com.sun.management.ThreadMXBean sun ? sun : null;
    for (int i = 0; i < warmup; i++) {
      sink = decode.apply(data);
    }
    double best = Double.MAX_VALUE;
    long bestBytes = Long.MAX_VALUE;
    StringBuilder each = new StringBuilder();
    long id = Thread.currentThread().getId();
    for (int r = 0; r < rounds; r++) {
      long allocatedBefore = allocation == null ? 0 : allocation.getThreadAllocatedBytes(id);
      long before = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink = decode.apply(data);
      }
      long cpu = threads.getCurrentThreadCpuTime() - before;
      long allocated =
          allocation == null ? -1 : allocation.getThreadAllocatedBytes(id) - allocatedBefore;
      double perDecode = (double) cpu / n;
      best = Math.min(best, perDecode);
      bestBytes = Math.min(bestBytes, allocated / n);
      each.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", perDecode / 1000));
    }
    return new Result(best, each.toString(), bestBytes);
  }
}
