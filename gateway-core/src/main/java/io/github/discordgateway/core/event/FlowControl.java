package io.github.discordgateway.core.event;

/**
 * Pauses and resumes the source of a {@link DeliveryQueue} (for a shard: reading from its socket).
 * The queue calls it without holding any lock, so a pause and a resume decided on two threads may
 * arrive in either order; a source that hands them to another thread should act on {@link
 * DeliveryQueue#paused()} as it stands when it gets to them.
 */
public interface FlowControl {

  /** Stops the source from producing more items until {@link #resume()}. */
  void pause();

  /** Lets the source produce items again. */
  void resume();

  /** A flow control that does nothing. */
  FlowControl NONE = of(() -> {});

  /**
   * Returns a flow control that runs {@code check} on every pause and resume, for a source that
   * reads the queue's wish itself.
   *
   * @param check runs on every call
   * @return the flow control
   */
  static FlowControl of(Runnable check) {
    return new FlowControl() {
      @Override
      public void pause() {
        check.run();
      }

      @Override
      public void resume() {
        check.run();
      }
    };
  }
}
