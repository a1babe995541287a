package io.github.discordgateway.core.shard.internal;

import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads a shard manager makes for itself when it is given none (one timer, a delivery pool,
 * an elastic send pool), all daemons, and released together by {@link #close()}.
 */
public final class OwnedThreads implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OwnedThreads.class);

  private final List<AutoCloseable> owned = new ArrayList<>();

  /** Returns {@code given}, or a new single-thread timer that {@link #close()} stops. */
  public GatewayScheduler schedulerOr(GatewayScheduler given) {
    if (given != null) {
      return given;
    }
    ExecutorGatewayScheduler own = ExecutorGatewayScheduler.create("discord-gateway-timer", 1);
    owned.add(own);
    return own;
  }

  /** Returns {@code given}, or a new pool of one thread per core (at least 2) for listeners. */
  public Executor deliveryOr(Executor given) {
    if (given != null) {
      return given;
    }
    ExecutorService own =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            daemonThreads("discord-gateway-events-"));
    owned.add(
        () -> {
          own.shutdown();
          if (!own.awaitTermination(5, TimeUnit.SECONDS)) {
            own.shutdownNow();
          }
        });
    return own;
  }

  /**
   * Returns {@code given}, or a new pool for socket writes that grows only while sockets are slow
   * to take a frame (a start burst); its idle threads end after 2 seconds.
   */
  public Executor sendOr(Executor given) {
    if (given != null) {
      return given;
    }
    ThreadPoolExecutor own =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            2,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("discord-gateway-send-"));
    owned.add(own::shutdown);
    return own;
  }

  /** Stops every thread made here; a failure is logged and the others still stop. */
  @Override
  public void close() {
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception ex) {
        log.debug("Closing {} failed: {}", resource, ex.toString());
      }
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
