package io.github.discordgateway.core.event;

/**
 * Pauses and resumes the source of a {@link DeliveryQueue} (for a shard: reading from its socket).
 */
public interface FlowControl {

  /** Stops the source from producing more items until {@link #resume()}. */
  void pause();

  /** Lets the source produce items again. */
  void resume();

  /** A flow control that does nothing. */
  FlowControl NONE =
      new FlowControl() {
        @Override
        public void pause() {}

        @Override
        public void resume() {}
      };
}
