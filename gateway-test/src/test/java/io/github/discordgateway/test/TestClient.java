package io.github.discordgateway.test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal gateway client for the fake's own tests, built on the JDK WebSocket (not on the
 * library's core): it queues every received payload as JSON and inflates zlib-stream itself.
 */
final class TestClient implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final List<String> texts = new CopyOnWriteArrayList<>();
  final AtomicInteger binaryFrames = new AtomicInteger();
  final AtomicInteger textFrames = new AtomicInteger();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  volatile String closeReason;
  final CompletableFuture<Throwable> error = new CompletableFuture<>();
  private final WebSocket socket;

  private final boolean etf;

  private TestClient(URI uri, boolean zlib) {
    this.etf = uri.toString().contains("encoding=etf");
    Listener listener = new Listener(zlib, uri.toString().contains("compress=zstd-stream"));
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(uri, listener)
            .orTimeout(5, TimeUnit.SECONDS)
            .join();
  }

  static TestClient connect(FakeDiscordGateway gateway) {
    return connect(gateway.gatewayUrl() + "/?v=10&encoding=json");
  }

  static TestClient connect(String url) {
    return new TestClient(URI.create(url), url.contains("compress=zlib-stream"));
  }

  /** Connects, reads Hello, identifies and reads READY. Returns READY's {@code d}. */
  static TestClient identified(FakeDiscordGateway gateway, long intents) {
    TestClient client = connect(gateway);
    client.expectOp(10);
    client.send(identify(gateway.token(), intents, null));
    client.expectDispatch("READY");
    return client;
  }

  static String identify(String token, long intents, String shard) {
    return "{\"op\":2,\"d\":{\"token\":\""
        + token
        + "\",\"intents\":"
        + intents
        + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}"
        + (shard == null ? "" : ",\"shard\":" + shard)
        + "}}";
  }

  static String resume(String token, String sessionId, long seq) {
    return "{\"op\":6,\"d\":{\"token\":\""
        + token
        + "\",\"session_id\":\""
        + sessionId
        + "\",\"seq\":"
        + seq
        + "}}";
  }

  /** Sends a JSON payload: as text, or with encoding=etf as ETF written by the core's codec. */
  void send(String text) {
    if (etf) {
      sendBinary(io.github.discordgateway.core.codec.Encoding.ETF.encode(text));
    } else {
      socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(5, TimeUnit.SECONDS).join();
  }

  /** Turns a received payload (after decompression) into JSON text. */
  private String payloadText(byte[] bytes) {
    return etf
        ? new String(
            io.github.discordgateway.core.codec.Encoding.ETF.toJson(
                bytes, 0, bytes.length, 1 << 24),
            StandardCharsets.UTF_8)
        : new String(bytes, StandardCharsets.UTF_8);
  }

  void heartbeat(Long seq) {
    send("{\"op\":1,\"d\":" + seq + "}");
  }

  JsonNode next() {
    try {
      JsonNode node = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (node == null) {
        throw new AssertionError("no payload within " + TIMEOUT);
      }
      return node;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Returns the next payload, which must have opcode {@code op}. */
  JsonNode expectOp(int op) {
    JsonNode node = next();
    if (node.path("op").asInt(-1) != op) {
      throw new AssertionError("expected op " + op + " but got " + node);
    }
    return node;
  }

  /** Returns the next payload, which must be a dispatch of {@code type}. */
  JsonNode expectDispatch(String type) {
    JsonNode node = expectOp(0);
    if (!type.equals(node.path("t").asString())) {
      throw new AssertionError("expected " + type + " but got " + node.path("t"));
    }
    return node;
  }

  /** Skips payloads until a dispatch of {@code type}; at most 100. */
  JsonNode skipToDispatch(String type) {
    for (int i = 0; i < 100; i++) {
      JsonNode node = next();
      if (node.path("op").asInt() == 0 && type.equals(node.path("t").asString())) {
        return node;
      }
    }
    throw new AssertionError("no " + type + " within 100 payloads");
  }

  int awaitCloseCode() {
    return closeCode.orTimeout(5, TimeUnit.SECONDS).join();
  }

  void close(int code) {
    socket.sendClose(code, "bye").orTimeout(5, TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final Inflater inflater;
    private final com.github.luben.zstd.ZstdDecompressCtx zstd;
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();

    Listener(boolean zlib, boolean zstd) {
      this.inflater = zlib ? new Inflater() : null;
      this.zstd = zstd ? new com.github.luben.zstd.ZstdDecompressCtx() : null;
    }

    /** Decodes one zstd-stream message: all its input, until no more output comes out. */
    private byte[] unzstd(byte[] message) {
      ByteBuffer src = ByteBuffer.wrap(message);
      ByteBuffer dst = ByteBuffer.allocate(64 * 1024);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int round = 0; round < 10_000; round++) {
        dst.clear();
        zstd.decompressByteBufferStream(dst, src);
        out.write(dst.array(), 0, dst.position());
        if (!src.hasRemaining() && dst.position() < dst.capacity()) {
          break;
        }
      }
      return out.toByteArray();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        textFrames.incrementAndGet();
        String payload = text.toString();
        text.setLength(0);
        texts.add(payload);
        received.add(JSON.readTree(payload));
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      compressed.writeBytes(bytes);
      if (last) {
        binaryFrames.incrementAndGet();
        byte[] all = compressed.toByteArray();
        int n = all.length;
        if (etf && zstd == null && inflater == null) {
          compressed.reset();
          String payload = payloadText(all);
          texts.add(payload);
          received.add(JSON.readTree(payload));
        } else if (zstd != null) {
          compressed.reset();
          String payload = payloadText(unzstd(all));
          texts.add(payload);
          received.add(JSON.readTree(payload));
        } else if (inflater != null
            && n >= 4
            && all[n - 4] == 0
            && all[n - 3] == 0
            && all[n - 2] == (byte) 0xff
            && all[n - 1] == (byte) 0xff) {
          compressed.reset();
          inflater.setInput(all);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          byte[] buffer = new byte[8192];
          try {
            int read;
            while ((read = inflater.inflate(buffer)) > 0) {
              out.write(buffer, 0, read);
            }
          } catch (DataFormatException e) {
            error.complete(e);
            throw new IllegalStateException(e);
          }
          String payload = payloadText(out.toByteArray());
          texts.add(payload);
          received.add(JSON.readTree(payload));
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closeReason = reason;
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable e) {
      error.complete(e);
      closeCode.complete(1006);
    }
  }
}
