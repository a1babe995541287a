package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import java.time.Duration;

/**
 * How and why a connection ended, and what to do next.
 *
 * @param code the close code (sent by the client when {@code closedLocally}, else received; 1006
 *     for a dropped connection)
 * @param reason the close reason, never {@code null}
 * @param nextStep resume, identify or stop
 * @param error the error behind the close, or {@code null} for an ordinary close
 * @param snapshot the session to resume from ({@link SessionSnapshot#NONE} when discarded)
 * @param zombie whether the client closed because a heartbeat was not acknowledged
 * @param closedLocally whether the client closed the connection (rather than the server or the
 *     network)
 * @param suggestedDelay how long to wait before connecting again (random 1-5 s after an invalid
 *     session, else zero; backoff on repeated failures is the caller's business)
 */
public record CloseOutcome(
    int code,
    String reason,
    NextStep nextStep,
    GatewayException error,
    SessionSnapshot snapshot,
    boolean zombie,
    boolean closedLocally,
    Duration suggestedDelay) {}
