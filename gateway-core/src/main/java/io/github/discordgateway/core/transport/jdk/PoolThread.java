package io.github.discordgateway.core.transport.jdk;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread of a {@link JdkWebSocketTransport}'s pool. The HTTP client hands each socket read to the
 * pool as one task, and the WebSocket delivers every message that read brought within that task, so
 * the connections that delivered messages during a task are told when it ends ({@link
 * JdkGatewayConnection#taskEnded()}): a handler can then hand the messages of one read on as one
 * batch. On any other thread (one that resumes reading and receives what was buffered) the read
 * ends after each message.
 */
final class PoolThread extends Thread {

  private final List<JdkGatewayConnection> delivered = new ArrayList<>(4);

  PoolThread(Runnable runnable, String name) {
    super(runnable, name);
    setDaemon(true);
  }

  /**
   * Called after {@code connection} delivered a message to its handler.
   *
   * @return whether the current thread is a pool thread, which ends the read when its task ends;
   *     {@code false} when the caller must end it at once
   */
  static boolean delivered(JdkGatewayConnection connection) {
    if (Thread.currentThread() instanceof PoolThread pool) {
      pool.remember(connection);
      return true;
    }
    return false;
  }

  /** Called by the pool when the current task ended: ends the read of every connection in it. */
  static void taskEnded() {
    if (Thread.currentThread() instanceof PoolThread pool) {
      pool.endReads();
    }
  }

  private void remember(JdkGatewayConnection connection) {
    int size = delivered.size();
    // bounded by the few connections one task delivers for
    for (int i = size - 1; i >= 0; i--) {
      if (delivered.get(i) == connection) {
        return;
      }
    }
    delivered.add(connection);
  }

  private void endReads() {
    // a read end may resume reading, and the JDK may then deliver right here: those deliveries
    // register again and are ended by the next turn
    while (!delivered.isEmpty()) {
      List<JdkGatewayConnection> ended = new ArrayList<>(delivered);
      delivered.clear();
      for (JdkGatewayConnection connection : ended) {
        connection.taskEnded();
      }
    }
  }
}
