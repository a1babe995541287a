package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transport without sockets: every connect is recorded as a {@link Link} that the test opens,
 * fails, feeds with server frames and closes, on its own thread, in virtual time.
 */
public final class InMemoryTransport implements GatewayTransport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public final List<Link> links = Collections.synchronizedList(new ArrayList<>());

  @Override
  public CompletableFuture<GatewayConnection> connect(
      URI uri, ConnectionHandler handler, Duration connectTimeout) {
    Link link = new Link(uri, handler);
    links.add(link);
    return link.future;
  }

  /** Returns the latest connection attempt. */
  public Link last() {
    synchronized (links) {
      return links.get(links.size() - 1);
    }
  }

  /** One connection attempt, the server side of it in the test's hands. */
  public static final class Link implements GatewayConnection {
    public final URI uri;
    public final ConnectionHandler handler;
    public final CompletableFuture<GatewayConnection> future = new CompletableFuture<>();
    public final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    public final List<Integer> closeCodes = Collections.synchronizedList(new ArrayList<>());
    public volatile boolean readingPaused;
    public volatile CountDownLatch stuck;

    /** Runs on the thread that sends, before the frame counts as sent (null: nothing). */
    public volatile Runnable onSend;

    /** Every pauseReading and resumeReading call, in order. */
    public final List<String> readingCalls = Collections.synchronizedList(new ArrayList<>());

    private volatile boolean open;

    public Link(URI uri, ConnectionHandler handler) {
      this.uri = uri;
      this.handler = handler;
    }

    public Link open() {
      open = true;
      handler.onOpen(this);
      future.complete(this);
      return this;
    }

    public void fail(Throwable error) {
      future.completeExceptionally(error);
    }

    public void text(String json) {
      handler.onText(json);
    }

    public void hello(long intervalMs) {
      text("{\"op\":10,\"d\":{\"heartbeat_interval\":" + intervalMs + "}}");
    }

    public void ready(long seq, String sessionId) {
      dispatch(
          seq,
          "READY",
          "{\"v\":10,\"user\":{\"id\":\"1\",\"username\":\"bot\"},\"guilds\":[{\"id\":\"7\","
              + "\"unavailable\":true}],\"session_id\":\""
              + sessionId
              + "\",\"resume_gateway_url\":\"wss://resume.example\",\"shard\":[0,1]}");
    }

    public void dispatch(long seq, String type, String data) {
      text("{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + data + "}");
    }

    public void serverClose(int code, String reason) {
      open = false;
      handler.onClosed(code, reason);
    }

    public List<JsonNode> sent(int op) {
      List<JsonNode> out = new ArrayList<>();
      synchronized (sent) {
        for (String text : sent) {
          JsonNode node = JSON.readTree(text);
          if (node.get("op").asInt() == op) {
            out.add(node);
          }
        }
      }
      return out;
    }

    @Override
    public void sendText(String payload) {
      CountDownLatch latch = stuck;
      if (latch != null) {
        try {
          // a socket that stopped draining: the write waits (bounded, so a failing test ends)
          latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Runnable hook = onSend;
      if (hook != null) {
        hook.run();
      }
      sent.add(payload);
    }

    @Override
    public void close(int code, String reason) {
      closeCodes.add(code);
      if (open) {
        open = false;
        handler.onClosed(code, reason);
      }
    }

    @Override
    public void abort() {
      if (open || !future.isDone()) {
        open = false;
        handler.onClosed(1006, "Aborted");
      }
    }

    @Override
    public void pauseReading() {
      readingCalls.add("pause");
      readingPaused = true;
    }

    @Override
    public void resumeReading() {
      readingCalls.add("resume");
      readingPaused = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
