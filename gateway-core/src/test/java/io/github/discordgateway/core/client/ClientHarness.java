package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.ReadySession;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives one GatewayClient with scripted frames in virtual time; no sockets, no sleeps. */
final class ClientHarness {

  static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gxyz12.SECRET-token-value_abcdefghijklmn";
  static final String RESUME_URL = "wss://gateway-us-east1-b.discord.gg";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Records everything the client writes. */
  static final class RecordingSink implements FrameSink {
    final List<String> texts = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> closeCodes = Collections.synchronizedList(new ArrayList<>());
    final List<String> closeReasons = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sendText(String payload) {
      texts.add(payload);
    }

    @Override
    public void close(int code, String reason) {
      closeCodes.add(code);
      closeReasons.add(reason);
    }
  }

  /** Records every listener callback. */
  static final class RecordingListener implements GatewayClientListener {
    final List<Dispatch> dispatches = Collections.synchronizedList(new ArrayList<>());
    final List<GatewayException> errors = Collections.synchronizedList(new ArrayList<>());
    final List<CloseOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<ReadySession> readies = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> roundTrips = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final List<ClientState> states = Collections.synchronizedList(new ArrayList<>());
    int resumed;
    int identifies;

    @Override
    public void onStateChanged(ClientState previous, ClientState current) {
      states.add(current);
    }

    @Override
    public void onIdentifySent() {
      identifies++;
    }

    @Override
    public void onReady(ReadySession ready) {
      readies.add(ready);
    }

    @Override
    public void onResumed() {
      resumed++;
    }

    @Override
    public void onDispatch(Dispatch dispatch) {
      dispatches.add(dispatch);
    }

    @Override
    public void onHeartbeatAck(Duration roundTrip) {
      roundTrips.add(roundTrip);
    }

    @Override
    public void onPayloadSent(Opcode opcode, Duration waited) {
      waits.add(waited);
    }

    @Override
    public void onError(GatewayException error) {
      errors.add(error);
    }

    @Override
    public void onClosed(CloseOutcome outcome) {
      outcomes.add(outcome);
    }
  }

  /** A random source returning fixed doubles. */
  static RandomGenerator fixedRandom(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 42;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  final ManualScheduler scheduler;
  final IdentifyLimiter identifyLimiter;
  final RecordingSink sink = new RecordingSink();
  final RecordingListener listener = new RecordingListener();
  final GatewayClient client;

  ClientHarness() {
    this(null, 0.5, Compression.NONE);
  }

  ClientHarness(SessionSnapshot parent) {
    this(parent, 0.5, Compression.NONE);
  }

  ClientHarness(SessionSnapshot parent, double jitter, Compression compression) {
    this(new ManualScheduler(), parent, jitter, compression, null);
  }

  ClientHarness(
      ManualScheduler scheduler,
      SessionSnapshot parent,
      double jitter,
      Compression compression,
      IdentifyLimiter limiter) {
    this.scheduler = scheduler;
    this.identifyLimiter =
        limiter != null ? limiter : new LocalIdentifyLimiter(scheduler.instantSource(), scheduler);
    this.client =
        GatewayClient.builder()
            .settings(
                GatewaySettings.builder(TOKEN)
                    .intents(513)
                    .shard(0, 1)
                    .largeThreshold(250)
                    .compression(compression)
                    .build())
            .sink(sink)
            .scheduler(scheduler)
            .clock(scheduler.instantSource())
            .random(fixedRandom(jitter))
            .identifyLimiter(identifyLimiter, 1)
            .resumeFrom(parent)
            .listener(listener)
            .build();
  }

  // ------------------------------------------------------------ scripted frames

  void hello(long intervalMs) {
    client.onText(
        "{\"op\":10,\"d\":{\"heartbeat_interval\":" + intervalMs + "},\"s\":null,\"t\":null}");
  }

  void ack() {
    client.onText("{\"op\":11}");
  }

  void dispatch(long seq, String type, String data) {
    client.onText("{\"t\":\"" + type + "\",\"s\":" + seq + ",\"op\":0,\"d\":" + data + "}");
  }

  void ready(long seq, String sessionId) {
    dispatch(
        seq,
        "READY",
        "{\"v\":10,\"user\":{\"id\":\"80351110224678912\",\"username\":\"bot\",\"bot\":true},"
            + "\"guilds\":[{\"id\":\"573544236423708672\",\"unavailable\":true},"
            + "{\"id\":41771983423143937,\"unavailable\":true}],"
            + "\"session_id\":\""
            + sessionId
            + "\",\"resume_gateway_url\":\""
            + RESUME_URL
            + "\",\"shard\":[0,1],\"application\":{\"id\":\"1\",\"flags\":8945664}}");
  }

  /** Hello, identify permit, READY: the client is connected. */
  void connect() {
    hello(41250);
    scheduler.runDue();
    ready(1, "session-abc");
    assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
  }

  // ------------------------------------------------------------ inspection

  List<JsonNode> sentPayloads() {
    List<JsonNode> nodes = new ArrayList<>();
    synchronized (sink.texts) {
      for (String text : sink.texts) {
        nodes.add(JSON.readTree(text));
      }
    }
    return nodes;
  }

  List<Integer> sentOps() {
    return sentPayloads().stream().map(n -> n.get("op").asInt()).toList();
  }

  List<JsonNode> sent(int op) {
    return sentPayloads().stream().filter(n -> n.get("op").asInt() == op).toList();
  }

  CloseOutcome outcome() {
    assertThat(listener.outcomes).hasSize(1);
    return listener.outcomes.get(0);
  }
}
