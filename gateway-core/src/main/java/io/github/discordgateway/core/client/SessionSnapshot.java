package io.github.discordgateway.core.client;

import io.github.discordgateway.core.codec.Envelope;

/**
 * The resumable state of a session, without the token. A client built from a snapshot that {@link
 * #resumable() can resume} sends Resume instead of Identify.
 *
 * @param sessionId the session id from READY, or {@code null}
 * @param sequence the last sequence number received, or {@link Envelope#NO_SEQUENCE}
 * @param resumeGatewayUrl the resume URL from READY, or {@code null}
 */
public record SessionSnapshot(String sessionId, long sequence, String resumeGatewayUrl) {

  /** A snapshot with no session. */
  public static final SessionSnapshot NONE = new SessionSnapshot(null, Envelope.NO_SEQUENCE, null);

  /** Returns whether the session can be resumed (session id and resume URL known). */
  public boolean resumable() {
    return sessionId != null && resumeGatewayUrl != null;
  }
}
