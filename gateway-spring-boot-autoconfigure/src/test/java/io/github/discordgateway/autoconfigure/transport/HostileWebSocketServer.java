package io.github.discordgateway.autoconfigure.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server on 127.0.0.1 written on a raw socket, so that it can break the protocol the
 * way a hostile server does: a frame header announcing a terabyte, a flood of pings. It accepts one
 * client, answers the handshake, then runs the {@link Script} on its own thread while another
 * thread reads what the client sends: pongs are counted, the close frame and the end of the
 * connection are timed.
 */
final class HostileWebSocketServer implements AutoCloseable {

  /** What the server sends after the handshake. */
  @FunctionalInterface
  interface Script {
    void run(OutputStream out) throws IOException;
  }

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final Script script;
  private final AtomicInteger pongs = new AtomicInteger();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final CompletableFuture<Long> closeFrameNanos = new CompletableFuture<>();
  private final CompletableFuture<Long> endNanos = new CompletableFuture<>();
  private volatile Socket client;

  HostileWebSocketServer(Script script) throws IOException {
    this.script = script;
    this.server = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    Thread acceptor = new Thread(this::serve, "hostile-ws");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/?v=10");
  }

  /** Pongs the client sent. */
  int pongs() {
    return pongs.get();
  }

  /** The code of the client's close frame. */
  int closeCode(Duration timeout) throws Exception {
    return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Time from the client's close frame to the end of the connection (the client dropped it). */
  Duration closeToEnd(Duration timeout) throws Exception {
    long end = endNanos.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return Duration.ofNanos(end - closeFrameNanos.getNow(end));
  }

  /** Waits until the connection ended (the client closed or reset it). */
  void awaitEnd(Duration timeout) throws Exception {
    endNanos.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void serve() {
    try (Socket socket = server.accept()) {
      client = socket;
      socket.setTcpNoDelay(true);
      handshake(socket);
      Thread writer =
          new Thread(
              () -> {
                try {
                  script.run(socket.getOutputStream());
                } catch (IOException ex) {
                  // the client dropped the connection: what the tests wait for
                }
              },
              "hostile-ws-writer");
      writer.setDaemon(true);
      writer.start();
      readFrames(new DataInputStream(socket.getInputStream()));
    } catch (IOException ex) {
      endNanos.complete(System.nanoTime());
    }
  }

  private static void handshake(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    int state = 0;
    // bounded: a handshake request is far below 16 KiB
    while (state < 4 && request.size() < 16 * 1024) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("No handshake");
      }
      request.write(b);
      state = (b == '\r' || b == '\n') ? state + 1 : 0;
    }
    String key = null;
    for (String line : request.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
        key = line.substring(18).trim();
      }
    }
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    String response =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept
            + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private void readFrames(DataInputStream in) {
    try {
      while (true) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        int opcode = first & 0x0f;
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
          in.readFully(mask);
        }
        byte[] payload = new byte[(int) Math.min(length, 1 << 20)];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i & 3];
        }
        if (opcode == 0xA) {
          pongs.incrementAndGet();
        } else if (opcode == 0x8) {
          closeFrameNanos.complete(System.nanoTime());
          closeCode.complete(
              payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
        }
      }
    } catch (IOException ex) {
      endNanos.complete(System.nanoTime());
    }
  }

  @Override
  public void close() throws IOException {
    Socket current = client;
    if (current != null) {
      current.close();
    }
    server.close();
  }
}
