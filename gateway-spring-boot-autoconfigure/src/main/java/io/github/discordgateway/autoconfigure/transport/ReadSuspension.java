package io.github.discordgateway.autoconfigure.transport;

import org.springframework.util.ClassUtils;

/**
 * Pauses and resumes reading on a native WebSocket session where the library supports it (Tomcat's
 * {@code WsSession}); a no-op elsewhere. Tomcat classes are only touched when they are present.
 */
final class ReadSuspension {

  private static final boolean TOMCAT_PRESENT =
      ClassUtils.isPresent(
          "org.apache.tomcat.websocket.WsSession", ReadSuspension.class.getClassLoader());

  private ReadSuspension() {}

  /** Returns whether reading can be paused on {@code nativeSession}. */
  static boolean supported(Object nativeSession) {
    return TOMCAT_PRESENT && Tomcat.isTomcat(nativeSession);
  }

  static void suspend(Object nativeSession) {
    if (supported(nativeSession)) {
      Tomcat.suspend(nativeSession);
    }
  }

  static void resume(Object nativeSession) {
    if (supported(nativeSession)) {
      Tomcat.resume(nativeSession);
    }
  }

  private static final class Tomcat {

    static boolean isTomcat(Object session) {
      return session instanceof org.apache.tomcat.websocket.WsSession;
    }

    static void suspend(Object session) {
      ((org.apache.tomcat.websocket.WsSession) session).suspend();
    }

    static void resume(Object session) {
      ((org.apache.tomcat.websocket.WsSession) session).resume();
    }
  }
}
