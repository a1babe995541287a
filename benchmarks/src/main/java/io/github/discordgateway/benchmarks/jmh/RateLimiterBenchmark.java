package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.core.ratelimit.internal.CommandRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
 * The per-connection command rate limiter (120 per 60 s, 10 reserved): a take in steady state (the
 * clock moves one slot's worth per call, so every take succeeds and one old entry leaves the
 * window), a refused take when the window is full, and the wait computation when full.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLimiterBenchmark {

  private final SteppingClock moving = new SteppingClock(500);
  private final SteppingClock frozen = new SteppingClock(0);
  private CommandRateLimiter steady;
  private CommandRateLimiter full;

  /** Creates the limiters; fills the frozen one. */
  @Setup
  public void setUp() {
    steady = new CommandRateLimiter(moving);
    full = new CommandRateLimiter(frozen);
    while (full.tryAcquire(true)) {
      // fill the window
    }
  }

  /**
   * Takes a slot (always free).
   *
   * @return true
   */
  @Benchmark
  public boolean acquireSteadyState() {
    return steady.tryAcquire(false);
  }

  /**
   * Tries to take a slot of a full window.
   *
   * @return false
   */
  @Benchmark
  public boolean acquireWhenFull() {
    return full.tryAcquire(false);
  }

  /**
   * Computes the wait of a full window.
   *
   * @return the wait
   */
  @Benchmark
  public Duration waitWhenFull() {
    return full.timeUntilAvailable(false);
  }

  /** A clock that moves {@code step} milliseconds every time it is read. */
  private static final class SteppingClock implements InstantSource {
    private final long step;
    private long millis = 1_785_000_000_000L;

    SteppingClock(long step) {
      this.step = step;
    }

    @Override
    public long millis() {
      millis += step;
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }
  }
}
