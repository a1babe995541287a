package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.protocol.CloseCode;

/** How a close is described: for people (log lines, status reasons) and for metrics (tags). */
final class ShardReasons {

  private ShardReasons() {}

  static String reasonOf(CloseOutcome outcome) {
    if (outcome.zombie()) {
      return "zombie connection (heartbeat not acknowledged)";
    }
    String text = describeClose(outcome.code(), outcome.reason());
    return outcome.closedLocally() ? text + " (closed by this client)" : text;
  }

  static String describeClose(int code, String reason) {
    String known = CloseCode.of(code) == CloseCode.UNKNOWN ? "" : CloseCode.of(code).description();
    StringBuilder text = new StringBuilder("close ").append(code);
    if (!known.isEmpty()) {
      text.append(" (").append(known).append(')');
    }
    if (reason != null && !reason.isEmpty() && !reason.equals(known)) {
      text.append(": ").append(reason);
    }
    return text.toString();
  }

  /** A bounded-cardinality reason for metrics. */
  static String reasonTag(CloseOutcome outcome) {
    if (outcome.zombie()) {
      return "zombie";
    }
    if (outcome.code() == CloseCode.RESUMABLE_CLOSE) {
      return outcome.error() != null ? outcome.error().kind().name().toLowerCase() : "client";
    }
    CloseCode code = CloseCode.of(outcome.code());
    return code == CloseCode.UNKNOWN ? "other" : String.valueOf(outcome.code());
  }

  /** Names the innermost cause with its message. */
  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
