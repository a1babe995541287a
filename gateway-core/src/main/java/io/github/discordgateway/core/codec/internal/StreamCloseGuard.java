package io.github.discordgateway.core.codec.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The close protocol the stream decompressors share: feeds run one at a time under a lock, and
 * {@link #close()} releases the native stream at once when no feed runs, or leaves it to the feed
 * that is running (on another thread, or further up this thread's stack when a sink closes its own
 * connection), which releases it on {@link #exit()}. A released stream is never touched again.
 */
final class StreamCloseGuard {

  private final ReentrantLock lock = new ReentrantLock();
  private final Runnable release;
  private boolean handingOut;
  private boolean released;
  private volatile boolean closeRequested;

  /**
   * @param release frees the stream (called once, under the lock)
   */
  StreamCloseGuard(Runnable release) {
    this.release = release;
  }

  /**
   * Locks for one feed; every call must be followed by {@link #exit()} in a {@code finally}.
   *
   * @return false when the stream is closed or closing: the feed must drop its input
   */
  boolean enter() {
    lock.lock();
    return !released && !closeRequested;
  }

  /** Marks that the feed now hands its output to the sink, which may call {@link #close()}. */
  void handingOut() {
    handingOut = true;
  }

  /** Ends the feed: releases the stream if a close came meanwhile, then unlocks. */
  void exit() {
    handingOut = false;
    if (closeRequested) {
      releaseOnce();
    }
    lock.unlock();
  }

  /** Releases the stream now, or when the running feed ends. */
  void close() {
    closeRequested = true;
    if (lock.tryLock()) {
      try {
        if (!handingOut) {
          releaseOnce();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private void releaseOnce() {
    if (!released) {
      released = true;
      release.run();
    }
  }
}
