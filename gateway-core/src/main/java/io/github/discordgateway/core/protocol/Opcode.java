package io.github.discordgateway.core.protocol;

import java.util.Optional;

/**
 * The opcodes of the main Discord gateway (API v10), with the direction in which a client may use
 * them. Sending an opcode that is not {@link #clientSends() sendable} gets the connection closed
 * with 4001, so the client never does.
 */
public enum Opcode {
  /** An event; {@code t} is its name and {@code s} its sequence number. */
  DISPATCH(0, false, true),
  /** Client: keep-alive carrying the last sequence; server: "send a heartbeat now". */
  HEARTBEAT(1, true, true),
  /** Starts a new session. */
  IDENTIFY(2, true, false),
  /** Changes the client's presence. */
  PRESENCE_UPDATE(3, true, false),
  /** Joins, moves between or leaves voice channels. */
  VOICE_STATE_UPDATE(4, true, false),
  /** Resumes a disconnected session. */
  RESUME(6, true, false),
  /** Asks the client to reconnect and resume. */
  RECONNECT(7, false, true),
  /** Asks for the members of a guild. */
  REQUEST_GUILD_MEMBERS(8, true, false),
  /** The session is invalid; {@code d} says whether it may be resumed. */
  INVALID_SESSION(9, false, true),
  /** First payload of a connection; carries {@code heartbeat_interval}. */
  HELLO(10, false, true),
  /** Acknowledges a heartbeat. */
  HEARTBEAT_ACK(11, false, true),
  /** Asks for the soundboard sounds of some guilds. */
  REQUEST_SOUNDBOARD_SOUNDS(31, true, false),
  /** Asks for ephemeral channel data (voice status, voice start time) of a guild. */
  REQUEST_CHANNEL_INFO(43, true, false);

  private static final Opcode[] BY_CODE = new Opcode[44];

  static {
    for (Opcode op : values()) {
      BY_CODE[op.code] = op;
    }
  }

  private final int code;
  private final boolean clientSends;
  private final boolean clientReceives;

  Opcode(int code, boolean clientSends, boolean clientReceives) {
    this.code = code;
    this.clientSends = clientSends;
    this.clientReceives = clientReceives;
  }

  /** Returns the numeric opcode. */
  public int code() {
    return code;
  }

  /** Returns whether a client may send this opcode. */
  public boolean clientSends() {
    return clientSends;
  }

  /** Returns whether a client may receive this opcode. */
  public boolean clientReceives() {
    return clientReceives;
  }

  /** Finds the opcode for {@code code}; empty for codes the main gateway does not define. */
  public static Optional<Opcode> of(int code) {
    return Optional.ofNullable(byCode(code));
  }

  /**
   * Finds the opcode for {@code code}, or {@code null} for codes the main gateway does not define.
   */
  public static Opcode byCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
