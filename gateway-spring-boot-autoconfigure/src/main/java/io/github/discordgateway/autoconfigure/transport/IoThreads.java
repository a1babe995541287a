package io.github.discordgateway.autoconfigure.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket I/O threads of the connections one WebSocket client opens: an {@link
 * AsynchronousChannelGroup} over a pool of at most {@code threads} daemon threads named {@code
 * discord-gateway-io-N} (idle ones end after 60 s), replacing the process-wide group of Tomcat's
 * client, whose pool has no upper bound.
 *
 * <p>Why a bounded pool cannot deadlock here: the group runs one internal polling thread of its own
 * and hands every completed read to the pool as one task. What such a task may block on are
 * Tomcat's blocking sends from the read path (the pong answering a ping, the close frame answering
 * a close); Tomcat's client writes through the {@code Future} form of {@code
 * AsynchronousSocketChannel.write}, whose completion the polling thread sets directly, never
 * through a pool task. So a pool thread never waits for a task of its own pool. A peer that stops
 * reading can hold a pool thread for Tomcat's blocking send timeout; other connections then wait
 * for a free thread (they are delayed, not lost), which is why the pool has more than one thread.
 *
 * <p>Read ends: every pool task is one completed read (or a few, when the channel completes the
 * next read at once on the same thread). The sessions that handed messages to their handler during
 * a task are told when it ends ({@link SessionAdapter#readEnded()}), so a handler can hand the
 * messages of one read on as one batch.
 */
final class IoThreads implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IoThreads.class);

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ThreadPoolExecutor executor;
  private final AsynchronousChannelGroup group;

  private IoThreads(int threads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger counter = new AtomicInteger();
    String prefix = pool == 1 ? "discord-gateway-io-" : "discord-gateway-io-" + pool + "-";
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            // unbounded: the group's polling thread hands tasks over and must never be refused
            new LinkedBlockingQueue<>(),
            runnable -> new IoThread(runnable, prefix + counter.incrementAndGet())) {
          @Override
          protected void afterExecute(Runnable task, Throwable error) {
            ((IoThread) Thread.currentThread()).readEnded();
          }
        };
    executor.allowCoreThreadTimeOut(true);
    try {
      // no initial threads: the group's own polling thread waits for events and every
      // completion runs as one task of the pool
      this.group = AsynchronousChannelGroup.withCachedThreadPool(executor, 0);
    } catch (IOException ex) {
      executor.shutdown();
      throw new UncheckedIOException("Cannot open an asynchronous channel group", ex);
    }
  }

  /**
   * Starts a group whose pool has at most {@code threads} threads.
   *
   * @param threads the most threads running completions at once (at least 1)
   * @return the group and its pool
   */
  static IoThreads start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("ioThreads must be at least 1: " + threads);
    }
    return new IoThreads(threads);
  }

  /** The default size: enough that a few stuck peers do not stall everybody's reads. */
  static int defaultThreads() {
    return Math.max(4, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));
  }

  AsynchronousChannelGroup group() {
    return group;
  }

  /** Runs a task on the pool, as a socket read's completion would run (for tests). */
  void execute(Runnable task) {
    executor.execute(task);
  }

  /** The most threads of the pool. */
  int maxThreads() {
    return executor.getMaximumPoolSize();
  }

  /**
   * Called by a session that handed a message to its handler: on a pool thread the session is told
   * when the task ends; on any other thread (a TLS reader, a thread resuming a paused read) at
   * once.
   */
  static void handed(SessionAdapter session) {
    if (Thread.currentThread() instanceof IoThread io) {
      io.handed(session);
    } else {
      session.readEnded();
    }
  }

  /**
   * Stops the group: no new connection may use it, the open ones keep working until their owners
   * close them (a shard manager stopping at the same time still sends its close frames), and the
   * threads end once the last one is closed.
   */
  @Override
  public void close() {
    group.shutdown();
  }

  /** A pool thread: remembers the sessions that handed messages during the current task. */
  private static final class IoThread extends Thread {
    private final List<SessionAdapter> sessions = new ArrayList<>(4);

    IoThread(Runnable runnable, String name) {
      super(runnable, name);
      setDaemon(true);
    }

    void handed(SessionAdapter session) {
      int size = sessions.size();
      if (size > 0 && sessions.get(size - 1) == session) {
        return;
      }
      for (int i = 0; i < size - 1; i++) {
        if (sessions.get(i) == session) {
          return;
        }
      }
      sessions.add(session);
    }

    void readEnded() {
      // each session leaves the list before its handler hears of the read end: the handler may
      // resume a paused read on this thread, and Tomcat then hands the buffered messages over
      // inline, handing the session in again; that read end must not be lost (its dispatches
      // would wait for a read that may never come while reading is paused)
      for (int size = sessions.size(); size > 0; size = sessions.size()) {
        sessions.remove(size - 1).readEnded();
      }
    }
  }
}
