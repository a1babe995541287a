package io.github.discordgateway.core.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Request Guild Members got no complete answer. Callers branch on {@link #kind()}; for {@link
 * Kind#RATE_LIMITED} {@link #retryAfter()} says when to try again.
 */
public class GuildMembersRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the request failed. */
  public enum Kind {
    /** Discord answered with a RATE_LIMITED dispatch for this request. */
    RATE_LIMITED,
    /** The last chunk did not arrive in time (for example the session was lost meanwhile). */
    TIMED_OUT,
    /** The collector was closed (the application is shutting down). */
    CANCELLED
  }

  private final Kind kind;
  private final long guildId;
  private final String nonce;
  private final transient Duration retryAfter;

  /**
   * Creates an exception.
   *
   * @param kind why the request failed
   * @param guildId the guild of the request
   * @param nonce the nonce of the request
   * @param retryAfter when to retry ({@link Kind#RATE_LIMITED} only), or {@code null}
   * @param message what happened
   */
  public GuildMembersRequestException(
      Kind kind, long guildId, String nonce, Duration retryAfter, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.guildId = guildId;
    this.nonce = nonce;
    this.retryAfter = retryAfter;
  }

  /** Returns why the request failed. */
  public Kind kind() {
    return kind;
  }

  /** Returns the guild of the request. */
  public long guildId() {
    return guildId;
  }

  /** Returns the nonce of the request. */
  public String nonce() {
    return nonce;
  }

  /** Returns how long to wait before retrying, for a rate-limited request. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
