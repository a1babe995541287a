package io.github.discordgateway.core.client;

/** What the owner of a closed client should do next. */
public enum NextStep {
  /** Open a new connection to the resume URL and send Resume. */
  RESUME,
  /** Open a new connection to the discovery URL and Identify (a new session). */
  IDENTIFY,
  /** Stop: a fatal close code (bad token, disallowed intents, ...). Never retry. */
  STOP_FATAL,
  /** Stop: the client logged out (closed with 1000, session invalidated). */
  STOP_LOGOUT
}
