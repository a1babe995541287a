package io.github.discordgateway.core;

import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.Opcode;
import java.util.OptionalInt;

/**
 * The one exception type of the library. Callers branch on {@link #kind()}, never on the message.
 * It may carry the gateway close code and the opcode it is about.
 *
 * <p>Messages never contain the bot token or payload contents that could hold it.
 *
 * <pre>{@code
 * if (e.kind() == GatewayException.Kind.DISALLOWED_INTENTS) {
 *   log.error("Enable the privileged intents in the Developer Portal");
 * }
 * }</pre>
 */
public class GatewayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** Close 4004: the token was rejected. Fatal. */
    AUTHENTICATION_FAILED(true),
    /** Close 4010: the shard sent in Identify is invalid. Fatal. */
    INVALID_SHARD(true),
    /** Close 4011: the session would hold too many guilds. Fatal. */
    SHARDING_REQUIRED(true),
    /** Close 4012: invalid API version. Fatal. */
    INVALID_API_VERSION(true),
    /** Close 4013: the intents value is invalid. Fatal. */
    INVALID_INTENTS(true),
    /** Close 4014: a privileged intent is not enabled for the application. Fatal. */
    DISALLOWED_INTENTS(true),
    /** A received payload could not be decoded. */
    DECODE_ERROR(false),
    /** Transport compression failed (corrupt stream). */
    DECOMPRESSION_ERROR(false),
    /** A payload to send is over the 4096-byte limit; it was not sent. */
    PAYLOAD_TOO_LARGE(false),
    /** A command failed validation before it was sent. */
    INVALID_COMMAND(false),
    /** Discord closed with 4008: payloads were sent too quickly. */
    RATE_LIMITED(false),
    /** The peer broke the protocol, or Discord closed because the client did (4001, 4002, 4005). */
    PROTOCOL_ERROR(false),
    /** Discord closed with 4000 (unknown error). */
    SERVER_ERROR(false),
    /** The session is gone (op 9 false, 4003, 4006, 4007, 4009): identify anew. */
    SESSION_INVALIDATED(false),
    /** No heartbeat ACK arrived between two heartbeats. */
    ZOMBIE_CONNECTION(false),
    /** The connection dropped without a close frame (1006) or the transport failed. */
    CONNECTION_LOST(false),
    /** A connection could not be opened. */
    CONNECTION_FAILED(false),
    /** The connection is closed; the command was not sent. */
    NOT_CONNECTED(false),
    /** No session starts are left; identifying must wait for the quota to reset. */
    SESSION_START_LIMIT_EXHAUSTED(false);

    private final boolean fatal;

    Kind(boolean fatal) {
      this.fatal = fatal;
    }

    /** Returns whether this kind means: stop, never retry with the same configuration. */
    public boolean fatal() {
      return fatal;
    }
  }

  private final Kind kind;
  private final int closeCode;
  private final Opcode opcode;

  /**
   * Creates an exception.
   *
   * @param kind what went wrong
   * @param message a clear message without secrets
   */
  public GatewayException(Kind kind, String message) {
    this(kind, message, -1, null, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind what went wrong
   * @param message a clear message without secrets
   * @param cause the cause
   */
  public GatewayException(Kind kind, String message, Throwable cause) {
    this(kind, message, -1, null, cause);
  }

  /**
   * Creates an exception with all details.
   *
   * @param kind what went wrong
   * @param message a clear message without secrets
   * @param closeCode the WebSocket close code, or -1
   * @param opcode the opcode concerned, or {@code null}
   * @param cause the cause, or {@code null}
   */
  public GatewayException(
      Kind kind, String message, int closeCode, Opcode opcode, Throwable cause) {
    super(message, cause);
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
    this.closeCode = closeCode;
    this.opcode = opcode;
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }

  /** Returns whether the error is fatal: stop, do not reconnect. */
  public boolean fatal() {
    return kind.fatal();
  }

  /** Returns the close code this error is about, if any. */
  public OptionalInt closeCode() {
    return closeCode < 0 ? OptionalInt.empty() : OptionalInt.of(closeCode);
  }

  /** Returns the opcode this error is about, or {@code null}. */
  public Opcode opcode() {
    return opcode;
  }

  /**
   * Returns the error that a close with {@code code} from Discord stands for, or {@code null} for a
   * close that is no error (1000, 1001, or an unknown code).
   *
   * @param code the close code received
   * @param reason the close reason received (may be empty)
   * @return the typed error, or {@code null}
   */
  public static GatewayException forCloseCode(int code, String reason) {
    Kind kind =
        switch (code) {
          case 4000 -> Kind.SERVER_ERROR;
          case 4001, 4002, 4005 -> Kind.PROTOCOL_ERROR;
          case 4003, 4006, 4007, 4009 -> Kind.SESSION_INVALIDATED;
          case 4004 -> Kind.AUTHENTICATION_FAILED;
          case 4008 -> Kind.RATE_LIMITED;
          case 4010 -> Kind.INVALID_SHARD;
          case 4011 -> Kind.SHARDING_REQUIRED;
          case 4012 -> Kind.INVALID_API_VERSION;
          case 4013 -> Kind.INVALID_INTENTS;
          case 4014 -> Kind.DISALLOWED_INTENTS;
          case 1006 -> Kind.CONNECTION_LOST;
          default -> null;
        };
    if (kind == null) {
      return null;
    }
    CloseCode known = CloseCode.of(code);
    StringBuilder message = new StringBuilder("Gateway closed with ").append(code).append(' ');
    message.append('(').append(known.description()).append(')');
    String trimmed = reason == null ? "" : reason.strip();
    while (trimmed.endsWith(".")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.isEmpty()) {
      message.append(": ").append(trimmed);
    }
    // no final period: callers append their own sentence ("... Not retrying")
    switch (kind) {
      case AUTHENTICATION_FAILED -> message.append(". Check the bot token");
      case INVALID_INTENTS -> message.append(". The intents value is invalid");
      case DISALLOWED_INTENTS ->
          message.append(
              ". A privileged intent is not enabled for the application in the Developer"
                  + " Portal");
      case SHARDING_REQUIRED -> message.append(". Run more shards");
      case INVALID_SHARD -> message.append(". Check the shard id and count");
      default -> {}
    }
    return new GatewayException(kind, message.toString(), code, null, null);
  }
}
