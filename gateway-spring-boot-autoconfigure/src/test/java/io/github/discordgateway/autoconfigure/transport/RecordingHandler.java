package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ConnectionHandler} that records every callback. */
final class RecordingHandler implements ConnectionHandler {

  final List<String> texts = new CopyOnWriteArrayList<>();
  final List<byte[]> binaries = new CopyOnWriteArrayList<>();
  final List<Throwable> errors = new CopyOnWriteArrayList<>();
  final List<String> closes = new CopyOnWriteArrayList<>();
  final AtomicInteger opens = new AtomicInteger();

  /** Every message and read end in order: {@code "text"}, {@code "binary"}, {@code "end"}. */
  final List<String> sequence = new CopyOnWriteArrayList<>();

  /** The threads that delivered messages. */
  final Set<Thread> readers = ConcurrentHashMap.newKeySet();

  volatile GatewayConnection connection;

  @Override
  public void onOpen(GatewayConnection connection) {
    this.connection = connection;
    opens.incrementAndGet();
  }

  @Override
  public void onText(String text) {
    texts.add(text);
    sequence.add("text");
    readers.add(Thread.currentThread());
  }

  @Override
  public void onBinary(ByteBuffer data) {
    byte[] copy = new byte[data.remaining()];
    data.get(copy);
    binaries.add(copy);
    sequence.add("binary");
    readers.add(Thread.currentThread());
  }

  @Override
  public void onReadComplete() {
    sequence.add("end");
  }

  @Override
  public void onClosed(int code, String reason) {
    closes.add(code + " " + reason);
  }

  @Override
  public void onError(Throwable error) {
    errors.add(error);
  }
}
