package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.autoconfigure.event.DispatchEvents;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.EventType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * Spring's share of a dispatch: creating the typed event ({@link DispatchEvents}) and publishing it
 * through the application context to one {@code @EventListener} method that takes a {@link
 * MessageCreateEvent} and does not read the payload (so no JSON work is measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpringPublishBenchmark {

  private AnnotationConfigApplicationContext context;
  private Listener listener;
  private RawJson raw;
  private long sequence;

  /** Starts a context with the listener. */
  @Setup(Level.Trial)
  public void setUp() {
    context = new AnnotationConfigApplicationContext(Listener.class);
    listener = context.getBean(Listener.class);
    raw = RawJson.of("{}");
  }

  /** Closes the context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    context.close();
  }

  /**
   * Creates and publishes one MESSAGE_CREATE event.
   *
   * @return the listener's count
   */
  @Benchmark
  public long publish() {
    context.publishEvent(
        DispatchEvents.create(
            context, 0, ++sequence, "MESSAGE_CREATE", EventType.MESSAGE_CREATE, raw));
    return listener.count;
  }

  /** The listener bean. */
  public static class Listener {
    long count;

    /**
     * Counts the event.
     *
     * @param event the event
     */
    @EventListener
    public void on(MessageCreateEvent event) {
      count += event.shardId() + 1;
    }
  }
}
