package io.github.discordgateway.core.protocol;

/**
 * WebSocket close codes of the Discord gateway and what a client should do after each.
 *
 * <p>Three answers are kept apart: whether reconnecting makes sense at all ({@link
 * #mayReconnect()}), whether the session may be resumed ({@link #mayResume()}) and whether the code
 * is fatal ({@link #fatal()}: stop and surface the error, never loop). Codes this enum does not
 * know map to {@link #UNKNOWN} through {@link #of(int)}, which reconnects and resumes, as do the
 * generic WebSocket codes.
 */
public enum CloseCode {
  /** Client-sent: the session ends (logout). Received from the server: reconnect and resume. */
  NORMAL_CLOSURE(1000, true, true, false, "Normal closure"),
  /** Client-sent: the session ends. Received from the server: reconnect and resume. */
  GOING_AWAY(1001, true, true, false, "Going away"),
  /** The connection dropped without a close frame (never sent on the wire). */
  ABNORMAL_CLOSURE(1006, true, true, false, "Abnormal closure"),
  /** Unknown error; reconnect and resume. */
  UNKNOWN_ERROR(4000, true, true, false, "Unknown error"),
  /** The client sent an invalid opcode or an invalid payload for an opcode. */
  UNKNOWN_OPCODE(4001, true, true, false, "Unknown opcode"),
  /** The client sent a payload Discord could not decode (including payloads over 4096 bytes). */
  DECODE_ERROR(4002, true, true, false, "Decode error"),
  /** A payload was sent before identifying, or the session was invalidated: identify again. */
  NOT_AUTHENTICATED(4003, true, false, false, "Not authenticated"),
  /** The token in Identify is wrong. Fatal. */
  AUTHENTICATION_FAILED(4004, false, false, true, "Authentication failed"),
  /** More than one Identify was sent. */
  ALREADY_AUTHENTICATED(4005, true, true, false, "Already authenticated"),
  /** Not a main-gateway code (voice only); treated as "start a new session" if ever received. */
  SESSION_NO_LONGER_VALID(4006, true, false, false, "Session no longer valid"),
  /** The sequence sent in Resume was invalid: start a new session. */
  INVALID_SEQ(4007, true, false, false, "Invalid seq"),
  /** Payloads were sent too quickly. */
  RATE_LIMITED(4008, true, true, false, "Rate limited"),
  /** The session timed out: start a new session. */
  SESSION_TIMED_OUT(4009, true, false, false, "Session timed out"),
  /** An invalid shard was sent in Identify. Fatal. */
  INVALID_SHARD(4010, false, false, true, "Invalid shard"),
  /** The session would hold too many guilds: sharding is required. Fatal. */
  SHARDING_REQUIRED(4011, false, false, true, "Sharding required"),
  /** An invalid gateway version was requested. Fatal. */
  INVALID_API_VERSION(4012, false, false, true, "Invalid API version"),
  /** The intents value is invalid. Fatal. */
  INVALID_INTENTS(4013, false, false, true, "Invalid intent(s)"),
  /** A privileged intent is not enabled or approved for the application. Fatal. */
  DISALLOWED_INTENTS(4014, false, false, true, "Disallowed intent(s)"),
  /** Any other code: reconnect and resume. */
  UNKNOWN(-1, true, true, false, "Unknown close code");

  /**
   * The code this library closes with when it drops a connection in order to resume (zombie, op 7,
   * errors): in the private range, never 1000/1001, and not one Discord itself uses.
   */
  public static final int RESUMABLE_CLOSE = 4900;

  private final int code;
  private final boolean mayReconnect;
  private final boolean mayResume;
  private final boolean fatal;
  private final String description;

  CloseCode(int code, boolean mayReconnect, boolean mayResume, boolean fatal, String description) {
    this.code = code;
    this.mayReconnect = mayReconnect;
    this.mayResume = mayResume;
    this.fatal = fatal;
    this.description = description;
  }

  /** Returns the numeric code, or -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** Returns whether reconnecting after this code makes sense. */
  public boolean mayReconnect() {
    return mayReconnect;
  }

  /** Returns whether the session may be resumed after this code (otherwise identify again). */
  public boolean mayResume() {
    return mayResume;
  }

  /** Returns whether this code is fatal: stop, report a distinct error, never retry. */
  public boolean fatal() {
    return fatal;
  }

  /** Returns a short human description of the code. */
  public String description() {
    return description;
  }

  /** Returns the constant for {@code code}, or {@link #UNKNOWN} for any code not listed. */
  public static CloseCode of(int code) {
    for (CloseCode value : values()) {
      if (value.code == code && value != UNKNOWN) {
        return value;
      }
    }
    return UNKNOWN;
  }

  /** Returns whether {@code code} is fatal (4004, 4010-4014). */
  public static boolean isFatal(int code) {
    return of(code).fatal;
  }
}
