package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payload this client cannot read (undecodable, corrupt, over the size limit) comes back in every
 * replay of a resume, so resuming would fail at the same sequence forever. After {@value #LIMIT}
 * such failures in a row without progress, the session is given up and the shard identifies anew:
 * the events after that sequence are lost, but the shard lives.
 */
final class UnreadablePayloads {

  private static final Logger log = LoggerFactory.getLogger(Shard.class);

  /** Failures to read the payload after one sequence before the session is given up. */
  static final int LIMIT = 3;

  /** WebSocket close 1009: a message was larger than the transport accepts. */
  private static final int MESSAGE_TOO_BIG = 1009;

  private final String name;
  private long sequence = Envelope.NO_SEQUENCE;
  private int count;

  UnreadablePayloads(String name) {
    this.name = name;
  }

  /** Returns the session to continue with after {@code outcome}: {@code next} or none. */
  SessionSnapshot filter(CloseOutcome outcome, SessionSnapshot next) {
    if (!next.resumable() || !unreadable(outcome)) {
      sequence = Envelope.NO_SEQUENCE;
      count = 0;
      return next;
    }
    if (next.sequence() == sequence) {
      count++;
    } else {
      sequence = next.sequence();
      count = 1;
    }
    if (count < LIMIT) {
      return next;
    }
    log.error(
        "{} a payload after seq {} could not be read {} times in a row ({}); giving up the session"
            + " and identifying anew: the events after seq {} are lost",
        name,
        next.sequence(),
        count,
        outcome.error() == null ? "close " + outcome.code() : outcome.error().getMessage(),
        next.sequence());
    sequence = Envelope.NO_SEQUENCE;
    count = 0;
    return SessionSnapshot.NONE;
  }

  private static boolean unreadable(CloseOutcome outcome) {
    if (outcome.code() == MESSAGE_TOO_BIG) {
      return true;
    }
    GatewayException error = outcome.error();
    return error != null
        && (error.kind() == GatewayException.Kind.DECODE_ERROR
            || error.kind() == GatewayException.Kind.DECOMPRESSION_ERROR);
  }
}
