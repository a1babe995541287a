package io.github.discordgateway.core.scheduling;

/** A scheduled task that can be called off. */
@FunctionalInterface
public interface Cancellable {

  /**
   * Cancels the task if it has not run yet; does nothing otherwise.
   *
   * @return whether this call prevented the task from running
   */
  boolean cancel();
}
