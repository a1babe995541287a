package io.github.discordgateway.core.client;

import io.github.discordgateway.core.protocol.CloseCode;
import java.time.Duration;

/**
 * What follows the end of a connection, decided from what ended it and nothing else: a pure
 * function of the close code (or op 9) and whether the session can be resumed, so that the table of
 * decisions is tested on its own.
 *
 * @param next resume, identify or stop
 * @param discardSession whether the session must be forgotten (it cannot be resumed any more)
 * @param delay how long to wait before the next connection (zero: the supervisor's backoff decides)
 */
record CloseDecision(NextStep next, boolean discardSession, Duration delay) {

  /** The shortest wait after op 9 {@code d=false}, as Discord asks (a random 1 to 5 s). */
  static final Duration MIN_INVALID_SESSION_DELAY = Duration.ofSeconds(1);

  /** The longest wait after op 9 {@code d=false}. */
  static final Duration MAX_INVALID_SESSION_DELAY = Duration.ofSeconds(5);

  /**
   * Decides after a close received from the server (or a dropped connection, 1006).
   *
   * @param code the close code
   * @param resumable whether the session can be resumed
   * @return the decision
   */
  static CloseDecision forCloseCode(int code, boolean resumable) {
    CloseCode closeCode = CloseCode.of(code);
    if (closeCode.fatal()) {
      return new CloseDecision(NextStep.STOP_FATAL, false, Duration.ZERO);
    }
    if (!closeCode.mayResume() && closeCode != CloseCode.UNKNOWN) {
      return new CloseDecision(NextStep.IDENTIFY, true, Duration.ZERO);
    }
    return reconnect(resumable);
  }

  /**
   * Decides after op 9 Invalid Session.
   *
   * @param mayResume the {@code d} flag of op 9
   * @param resumable whether the session can be resumed
   * @param random a number in [0, 1) that picks the delay
   * @return the decision
   */
  static CloseDecision forInvalidSession(boolean mayResume, boolean resumable, double random) {
    if (mayResume) {
      return reconnect(resumable);
    }
    double r = random >= 0 && random < 1 ? random : 0;
    long spread = MAX_INVALID_SESSION_DELAY.minus(MIN_INVALID_SESSION_DELAY).toMillis();
    Duration delay = MIN_INVALID_SESSION_DELAY.plusMillis((long) (r * spread));
    return new CloseDecision(NextStep.IDENTIFY, true, delay);
  }

  /**
   * Decides after a close of the client's own making that keeps the session (op 7, a zombie
   * connection, bad input, a planned disconnect).
   *
   * @param resumable whether the session can be resumed
   * @return the decision
   */
  static CloseDecision reconnect(boolean resumable) {
    return new CloseDecision(resumable ? NextStep.RESUME : NextStep.IDENTIFY, false, Duration.ZERO);
  }

  /** Decides after a logout (close 1000): the session ends, the shard stops. */
  static CloseDecision logout() {
    return new CloseDecision(NextStep.STOP_LOGOUT, true, Duration.ZERO);
  }
}
