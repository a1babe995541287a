package io.github.discordgateway.test;

import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.Opcode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol side of the fake: sessions, identify buckets, validation of what clients send and
 * the answers. Methods that touch sessions hold this object's lock; output is queued per connection
 * while holding it, so sequence numbers reach every client in order.
 */
final class GatewayState {

  private static final Logger log = LoggerFactory.getLogger(FakeDiscordGateway.class);

  /** Sessions remembered for {@link #sentDispatches(String)}; older ones are forgotten. */
  static final int HISTORY_CAPACITY = 4096;

  /**
   * The gateway versions Discord still accepts (10 and 9 available, 8 to 6 deprecated); without
   * {@code v} Discord picks its default.
   */
  static final Set<String> ACCEPTED_VERSIONS = Set.of("6", "7", "8", "9", "10");

  private final FakeGatewayConfig config;
  private final TrafficRecorder recorder;
  private final AtomicLong connectionIds = new AtomicLong();
  private final Map<Long, FakeConnection> live = new ConcurrentHashMap<>();

  // Guarded by this.
  private final Map<String, Session> sessionsById = new HashMap<>();
  private final Map<Integer, Session> sessionsByShard = new HashMap<>();
  private final Map<Integer, Instant> lastIdentifyByBucket = new HashMap<>();
  private final Map<String, Instant> lastAllMembersRequest = new HashMap<>();
  private int sessionStartRemaining;

  private volatile boolean ackHeartbeats = true;
  private final Set<Integer> unackedShards = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Map.Entry<Integer, String>> identifyFailures =
      new ConcurrentHashMap<>();
  // Guarded by this: every session ever started, oldest first (bounded), for replay checks.
  private final Map<String, Session> history = new java.util.LinkedHashMap<>();
  private volatile long pauseUntilNanos;
  private volatile long refuseUntilNanos;
  private volatile int port;
  private volatile RestDispatcher restDispatcher;

  GatewayState(FakeGatewayConfig config, TrafficRecorder recorder) {
    this.config = config;
    this.recorder = recorder;
    this.sessionStartRemaining = config.sessionStartRemaining();
  }

  FakeGatewayConfig config() {
    return config;
  }

  TrafficRecorder recorder() {
    return recorder;
  }

  void port(int port) {
    this.port = port;
  }

  /** Returns the URL the server listens on, {@code ws://127.0.0.1:PORT}. */
  String localGatewayUrl() {
    return "ws://127.0.0.1:" + port;
  }

  /** Returns the gateway URL discovery returns (advertised, or the local one). */
  String gatewayUrl() {
    String advertised = config.advertisedGatewayUrl();
    return advertised != null ? advertised : localGatewayUrl();
  }

  String resumeUrl() {
    String advertised = config.advertisedResumeUrl();
    return advertised != null ? advertised : gatewayUrl() + "/resume";
  }

  String apiUrl() {
    String advertised = config.advertisedApiUrl();
    return advertised != null ? advertised : "http://127.0.0.1:" + port + "/api/v10";
  }

  RestDispatcher restDispatcher() {
    return restDispatcher;
  }

  void restDispatcher(RestDispatcher dispatcher) {
    this.restDispatcher = dispatcher;
  }

  Instant now() {
    return config.clock().instant();
  }

  long nextConnectionId() {
    return connectionIds.incrementAndGet();
  }

  synchronized int sessionStartRemaining() {
    return sessionStartRemaining;
  }

  // ---- switches -----------------------------------------------------------------------------

  void ackHeartbeats(boolean ack) {
    ackHeartbeats = ack;
  }

  void failIdentify(int shard, int code, String reason) {
    if (code <= 0) {
      identifyFailures.remove(shard);
    } else {
      identifyFailures.put(shard, Map.entry(code, reason));
    }
  }

  void ackHeartbeats(int shard, boolean ack) {
    if (ack) {
      unackedShards.remove(shard);
    } else {
      unackedShards.add(shard);
    }
  }

  void pauseOutput(long nanos) {
    pauseUntilNanos = System.nanoTime() + nanos;
    if (pauseUntilNanos == 0) {
      pauseUntilNanos = 1;
    }
    live.values().forEach(FakeConnection::kick);
  }

  void resumeOutput() {
    pauseUntilNanos = 0;
    live.values().forEach(FakeConnection::kick);
  }

  long pauseRemainingNanos() {
    long until = pauseUntilNanos;
    return until == 0 ? 0 : Math.max(0, until - System.nanoTime());
  }

  void refuseConnections(long nanos) {
    refuseUntilNanos = System.nanoTime() + nanos;
  }

  boolean refusing() {
    long until = refuseUntilNanos;
    return until != 0 && until - System.nanoTime() > 0;
  }

  Iterable<FakeConnection> liveConnections() {
    return List.copyOf(live.values());
  }

  // ---- connection lifecycle -----------------------------------------------------------------

  void opened(FakeConnection conn) {
    live.put(conn.id(), conn);
    recorder.connection(conn);
    Map<String, String> query = conn.queryParameters();
    String version = query.get("v");
    if (version != null && !ACCEPTED_VERSIONS.contains(version)) {
      conn.close(
          CloseCode.INVALID_API_VERSION.code(),
          "Invalid API version: v=" + version + " (Discord accepts 6 to 10)");
      return;
    }
    String encoding = query.getOrDefault("encoding", "json");
    if (!"json".equals(encoding) && !"etf".equals(encoding)) {
      conn.close(
          CloseCode.DECODE_ERROR.code(),
          "Unsupported encoding: " + encoding + " (use json or etf)");
      return;
    }
    String compress = query.get("compress");
    if (compress != null && !"zlib-stream".equals(compress) && !"zstd-stream".equals(compress)) {
      conn.close(
          CloseCode.DECODE_ERROR.code(),
          "Unsupported compress: " + compress + " (use zlib-stream or zstd-stream)");
      return;
    }
    if ("zstd-stream".equals(compress) && !conn.zstdStream()) {
      conn.close(
          CloseCode.DECODE_ERROR.code(),
          "zstd-stream needs com.github.luben:zstd-jni on the fake's class path");
      return;
    }
    ObjectNode hello = Json.object();
    hello.put("heartbeat_interval", config.heartbeatInterval().toMillis());
    hello.set("_trace", Json.array().add("[\"fake-discord-gateway\",{\"micros\":0.0}]"));
    conn.sendOp(Opcode.HELLO.code(), Json.write(hello));
    log.debug("Connection {} opened on {} with {}", conn.id(), conn.path(), query);
  }

  void closed(FakeConnection conn) {
    live.remove(conn.id());
    synchronized (this) {
      Session session = conn.session;
      if (session != null && session.connection == conn) {
        session.connection = null;
      }
    }
    conn.onInactive();
    log.debug("Connection {} closed", conn.id());
  }

  void clientClose(FakeConnection conn, int code) {
    conn.clientClosed(code);
    recorder.clientClose(code);
    if (code == 1000 || code == 1001) {
      synchronized (this) {
        Session session = conn.session;
        if (session != null) {
          forget(session);
        }
      }
    }
  }

  void serverClosed(FakeConnection conn, int code, String reason) {
    recorder.serverClose(code);
    log.debug("Closing connection {} with {} ({})", conn.id(), code, reason);
  }

  private void forget(Session session) {
    sessionsById.remove(session.id);
    if (sessionsByShard.get(session.shardId) == session) {
      sessionsByShard.remove(session.shardId);
    }
  }

  // ---- inbound ------------------------------------------------------------------------------

  void onBinary(FakeConnection conn, byte[] bytes) {
    if (conn.closing()) {
      return;
    }
    String text = null;
    String failure = "binary frame with encoding=json";
    if (conn.etf()) {
      try {
        text = Json.write(Etf.toJson(bytes));
      } catch (RuntimeException e) {
        failure = "invalid ETF: " + e.getMessage();
      }
    }
    if (text != null) {
      onText(conn, text, bytes.length);
      return;
    }
    Instant now = now();
    if (!conn.admit(now, config.rateLimitCount(), config.rateLimitWindow())) {
      conn.close(CloseCode.RATE_LIMITED.code(), "You are being rate limited.");
      return;
    }
    if (conn.etf()) {
      record(conn, -1, NullNode.getInstance(), "<" + bytes.length + " bytes of ETF>", now);
    }
    conn.close(CloseCode.DECODE_ERROR.code(), "Decode error: " + failure);
  }

  void onText(FakeConnection conn, String text, int byteLength) {
    if (conn.closing()) {
      return;
    }
    Instant now = now();
    if (!conn.admit(now, config.rateLimitCount(), config.rateLimitWindow())) {
      record(conn, -1, NullNode.getInstance(), text, now);
      conn.close(CloseCode.RATE_LIMITED.code(), "You are being rate limited.");
      return;
    }
    if (byteLength > config.maxPayloadBytes()) {
      record(conn, -1, NullNode.getInstance(), text, now);
      conn.close(
          CloseCode.DECODE_ERROR.code(),
          "Decode error: payload of " + byteLength + " bytes exceeds " + config.maxPayloadBytes());
      return;
    }
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (RuntimeException e) {
      record(conn, -1, NullNode.getInstance(), text, now);
      conn.close(CloseCode.DECODE_ERROR.code(), "Decode error: invalid JSON");
      return;
    }
    JsonNode opNode = root == null ? null : root.get("op");
    if (root == null || !root.isObject() || opNode == null || !opNode.isIntegralNumber()) {
      record(conn, -1, NullNode.getInstance(), text, now);
      conn.close(CloseCode.DECODE_ERROR.code(), "Decode error: payload needs an integer op");
      return;
    }
    int op = opNode.asInt();
    JsonNode d = root.get("d");
    if (d == null) {
      d = NullNode.getInstance();
    }
    record(conn, op, d, text, now);
    Opcode opcode = Opcode.byCode(op);
    if (opcode == null || !opcode.clientSends()) {
      conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Unknown opcode: " + op);
      return;
    }
    switch (opcode) {
      case HEARTBEAT -> heartbeat(conn, d);
      case IDENTIFY -> identify(conn, d, now);
      case RESUME -> resume(conn, d);
      default -> {
        if (!authenticated(conn)) {
          conn.close(CloseCode.NOT_AUTHENTICATED.code(), "Not authenticated.");
          return;
        }
        switch (opcode) {
          case PRESENCE_UPDATE, VOICE_STATE_UPDATE -> requireObject(conn, d, opcode);
          case REQUEST_GUILD_MEMBERS -> requestGuildMembers(conn, d, now);
          case REQUEST_SOUNDBOARD_SOUNDS -> requestSoundboardSounds(conn, d);
          case REQUEST_CHANNEL_INFO -> requestChannelInfo(conn, d);
          default -> conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Unknown opcode: " + op);
        }
      }
    }
  }

  private void record(FakeConnection conn, int op, JsonNode d, String text, Instant now) {
    recorder.payload(new ClientPayload(conn.id(), conn.shard(), op, d, text, now));
  }

  private synchronized boolean authenticated(FakeConnection conn) {
    return conn.authenticated;
  }

  private boolean requireObject(FakeConnection conn, JsonNode d, Opcode opcode) {
    if (!d.isObject()) {
      conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid payload for op " + opcode.code());
      return false;
    }
    return true;
  }

  private void heartbeat(FakeConnection conn, JsonNode d) {
    if (!d.isNull() && !d.isIntegralNumber()) {
      conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid heartbeat: d must be null or integer");
      return;
    }
    if (ackHeartbeats && conn.acksHeartbeats() && !unackedShards.contains(conn.shard())) {
      conn.sendOp(Opcode.HEARTBEAT_ACK.code(), "null");
    }
  }

  private synchronized void identify(FakeConnection conn, JsonNode d, Instant now) {
    if (conn.authenticated) {
      conn.close(CloseCode.ALREADY_AUTHENTICATED.code(), "Already authenticated.");
      return;
    }
    if (!d.isObject() || !d.path("properties").isObject()) {
      conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid identify: needs token and properties");
      return;
    }
    if (!config.token().equals(d.path("token").asString(null))) {
      conn.close(CloseCode.AUTHENTICATION_FAILED.code(), "Authentication failed.");
      return;
    }
    JsonNode intentsNode = d.get("intents");
    if (intentsNode == null || !intentsNode.isIntegralNumber()) {
      conn.close(CloseCode.INVALID_INTENTS.code(), "Invalid intent(s): intents are required");
      return;
    }
    long intents = intentsNode.asLong();
    if (intents < 0 || Intent.unknownBits(intents) != 0) {
      conn.close(CloseCode.INVALID_INTENTS.code(), "Invalid intent(s): " + intents);
      return;
    }
    EnumSet<Intent> disallowed = Intent.fromBitmask(intents);
    disallowed.retainAll(Intent.privilegedIntents());
    disallowed.removeAll(config.allowedPrivilegedIntents());
    if (!disallowed.isEmpty()) {
      conn.close(CloseCode.DISALLOWED_INTENTS.code(), "Disallowed intent(s): " + disallowed);
      return;
    }
    int shardId = 0;
    int shardCount = 1;
    JsonNode shard = d.get("shard");
    if (shard != null && !shard.isNull()) {
      if (!shard.isArray()
          || shard.size() != 2
          || !shard.get(0).isIntegralNumber()
          || !shard.get(1).isIntegralNumber()) {
        conn.close(CloseCode.INVALID_SHARD.code(), "Invalid shard: " + shard);
        return;
      }
      long id = shard.get(0).asLong();
      long count = shard.get(1).asLong();
      if (count < 1 || id < 0 || id >= count || count > 65_536) {
        conn.close(CloseCode.INVALID_SHARD.code(), "Invalid shard: " + shard);
        return;
      }
      shardId = (int) id;
      shardCount = (int) count;
    }
    Map.Entry<Integer, String> failure = identifyFailures.get(shardId);
    if (failure != null) {
      conn.close(failure.getKey(), failure.getValue());
      return;
    }
    int bucket = shardId % config.maxConcurrency();
    Instant last = lastIdentifyByBucket.get(bucket);
    if (last != null && now.isBefore(last.plus(config.identifyWindow()))) {
      log.debug("Identify of shard {} within the window of bucket {}: op 9", shardId, bucket);
      conn.sendOp(Opcode.INVALID_SESSION.code(), "false");
      return;
    }
    if (sessionStartRemaining <= 0) {
      log.debug("Identify of shard {} with no session starts remaining: op 9", shardId);
      conn.sendOp(Opcode.INVALID_SESSION.code(), "false");
      return;
    }
    sessionStartRemaining--;
    lastIdentifyByBucket.put(bucket, now);

    Session session = new Session(newSessionId(), shardId, shardCount, intents);
    sessionsById.put(session.id, session);
    sessionsByShard.put(shardId, session);
    remember(session);
    bind(conn, session);
    recorder.identified(shardId);
    log.debug("Shard [{}, {}] identified as session {}", shardId, shardCount, session.id);

    List<FakeGuild> guilds = guildsOf(session);
    deliver(session, "READY", Json.write(ready(session, guilds, shard != null)), true);
    for (FakeGuild guild : guilds) {
      deliver(session, "GUILD_CREATE", Json.write(guildCreate(guild, session.intents)), false);
    }
  }

  /** A 32-hex-digit id like Discord's; not SecureRandom, which may block on a starved host. */
  private static String newSessionId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  private void bind(FakeConnection conn, Session session) {
    conn.authenticated = true;
    conn.session = session;
    conn.shard(session.shardId);
    session.connection = conn;
    recorder.bound(session.shardId);
  }

  private synchronized void resume(FakeConnection conn, JsonNode d) {
    if (conn.authenticated) {
      conn.close(CloseCode.ALREADY_AUTHENTICATED.code(), "Already authenticated.");
      return;
    }
    if (!d.isObject() || !d.path("session_id").isString() || !d.path("seq").isIntegralNumber()) {
      conn.close(
          CloseCode.UNKNOWN_OPCODE.code(), "Invalid resume: needs token, session_id and seq");
      return;
    }
    if (!config.token().equals(d.path("token").asString(null))) {
      conn.close(CloseCode.AUTHENTICATION_FAILED.code(), "Authentication failed.");
      return;
    }
    Session session = sessionsById.get(d.get("session_id").asString());
    if (session == null) {
      conn.sendOp(Opcode.INVALID_SESSION.code(), "false");
      return;
    }
    long seq = d.get("seq").asLong();
    if (seq < 0 || seq > session.lastSeq) {
      conn.close(CloseCode.INVALID_SEQ.code(), "Invalid seq: " + seq);
      return;
    }
    if (seq < session.replayFloor) {
      conn.sendOp(Opcode.INVALID_SESSION.code(), "false");
      return;
    }
    FakeConnection previous = session.connection;
    if (previous != null && previous != conn) {
      previous.session = null;
      previous.authenticated = false;
      previous.close(CloseCode.UNKNOWN_ERROR.code(), "Session resumed on another connection");
    }
    bind(conn, session);
    recorder.resumed(session.shardId);
    for (SentDispatch dispatch : session.log) {
      if (dispatch.seq() > seq) {
        conn.send(dispatch.payload());
      }
    }
    deliver(session, "RESUMED", "{\"_trace\":[\"[\\\"fake-discord-gateway\\\"]\"]}", true);
  }

  // ---- commands -----------------------------------------------------------------------------

  private synchronized void requestGuildMembers(FakeConnection conn, JsonNode d, Instant now) {
    Session session = conn.session;
    if (session == null || !requireObject(conn, d, Opcode.REQUEST_GUILD_MEMBERS)) {
      return;
    }
    JsonNode guildIdNode = d.get("guild_id");
    boolean hasQuery = d.has("query");
    boolean hasUserIds = d.has("user_ids");
    if (guildIdNode == null
        || !(guildIdNode.isString() || guildIdNode.isIntegralNumber())
        || hasQuery == hasUserIds
        || (hasQuery && (!d.get("query").isString() || !d.path("limit").isIntegralNumber()))) {
      conn.close(
          CloseCode.UNKNOWN_OPCODE.code(),
          "Invalid Request Guild Members: needs one guild_id and query+limit or user_ids");
      return;
    }
    String guildId = guildIdNode.asString();
    JsonNode nonceNode = d.get("nonce");
    String nonce =
        nonceNode != null
                && nonceNode.isString()
                && nonceNode.asString().getBytes(StandardCharsets.UTF_8).length <= 32
            ? nonceNode.asString()
            : null;
    boolean presences =
        d.path("presences").asBoolean(false)
            && (session.intents & Intent.GUILD_PRESENCES.value()) != 0;
    Optional<FakeGuild> guild = guild(guildId);
    List<FakeUser> members = new ArrayList<>();
    guild.ifPresent(
        g -> {
          members.add(config.botUser());
          members.addAll(g.members());
        });

    List<FakeUser> matched = new ArrayList<>();
    ArrayNode notFound = null;
    if (hasQuery) {
      String query = d.get("query").asString();
      int limit = d.get("limit").asInt();
      if (query.isEmpty() && limit == 0) {
        Instant last = lastAllMembersRequest.get(guildId);
        if (last != null && now.isBefore(last.plus(config.memberRequestWindow()))) {
          double retryAfter =
              Duration.between(now, last.plus(config.memberRequestWindow())).toMillis() / 1000.0;
          ObjectNode limited = Json.object();
          limited.put("opcode", Opcode.REQUEST_GUILD_MEMBERS.code());
          limited.put("retry_after", retryAfter);
          ObjectNode meta = limited.putObject("meta");
          meta.put("guild_id", guildId);
          if (nonce != null) {
            meta.put("nonce", nonce);
          }
          deliver(session, "RATE_LIMITED", Json.write(limited), true);
          return;
        }
        lastAllMembersRequest.put(guildId, now);
        matched.addAll(members);
      } else {
        int max = limit <= 0 ? 100 : Math.min(limit, 100);
        String prefix = query.toLowerCase(Locale.ROOT);
        for (FakeUser user : members) {
          if (matched.size() < max && user.username().toLowerCase(Locale.ROOT).startsWith(prefix)) {
            matched.add(user);
          }
        }
      }
    } else {
      JsonNode ids = d.get("user_ids");
      List<JsonNode> wanted = new ArrayList<>();
      if (ids.isArray()) {
        ids.forEach(wanted::add);
      } else {
        wanted.add(ids);
      }
      notFound = Json.array();
      for (JsonNode id : wanted) {
        String text = id.asString();
        Optional<FakeUser> user = members.stream().filter(u -> u.id().equals(text)).findFirst();
        if (user.isPresent() && matched.size() < 100) {
          matched.add(user.get());
        } else if (user.isEmpty()) {
          notFound.add(id);
        }
      }
    }

    int size = config.memberChunkSize();
    int chunkCount = Math.max(1, (matched.size() + size - 1) / size);
    Instant joined = now.minus(Duration.ofDays(365));
    for (int index = 0; index < chunkCount; index++) {
      List<FakeUser> part =
          matched.subList(index * size, Math.min(matched.size(), (index + 1) * size));
      ObjectNode chunk = Json.object();
      chunk.put("guild_id", guildId);
      ArrayNode array = chunk.putArray("members");
      part.forEach(u -> array.add(FakeEvents.member(u, joined)));
      chunk.put("chunk_index", index);
      chunk.put("chunk_count", chunkCount);
      if (notFound != null && index == 0) {
        chunk.set("not_found", notFound);
      }
      if (presences) {
        ArrayNode list = chunk.putArray("presences");
        for (FakeUser u : part) {
          ObjectNode presence = list.addObject();
          presence.putObject("user").put("id", u.id());
          presence.put("status", "online");
          presence.putObject("client_status").put("desktop", "online");
          presence.putArray("activities");
        }
      }
      if (nonce != null) {
        chunk.put("nonce", nonce);
      }
      deliver(session, "GUILD_MEMBERS_CHUNK", Json.write(chunk), true);
    }
  }

  private synchronized void requestSoundboardSounds(FakeConnection conn, JsonNode d) {
    Session session = conn.session;
    if (session == null || !requireObject(conn, d, Opcode.REQUEST_SOUNDBOARD_SOUNDS)) {
      return;
    }
    JsonNode ids = d.get("guild_ids");
    if (ids == null || !ids.isArray()) {
      conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid Request Soundboard Sounds: guild_ids");
      return;
    }
    for (JsonNode id : ids) {
      String guildId = id.asString();
      ObjectNode data = Json.object();
      ArrayNode sounds = data.putArray("soundboard_sounds");
      guild(guildId)
          .ifPresent(
              g -> {
                ObjectNode sound = sounds.addObject();
                sound.put("name", "airhorn");
                sound.put("sound_id", Snowflakes.at(Instant.ofEpochMilli(1_600_000_000_000L), 7));
                sound.put("volume", 1.0);
                sound.putNull("emoji_id");
                sound.put("emoji_name", "\uD83D\uDCEF");
                sound.put("guild_id", g.id());
                sound.put("available", true);
                sound.set("user", FakeEvents.user(config.botUser()));
              });
      data.put("guild_id", guildId);
      deliver(session, "SOUNDBOARD_SOUNDS", Json.write(data), true);
    }
  }

  private synchronized void requestChannelInfo(FakeConnection conn, JsonNode d) {
    Session session = conn.session;
    if (session == null || !requireObject(conn, d, Opcode.REQUEST_CHANNEL_INFO)) {
      return;
    }
    JsonNode guildIdNode = d.get("guild_id");
    JsonNode fields = d.get("fields");
    if (guildIdNode == null || fields == null || !fields.isArray()) {
      conn.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid Request Channel Info");
      return;
    }
    Set<String> wanted = new LinkedHashSet<>();
    fields.forEach(f -> wanted.add(f.asString()));
    String guildId = guildIdNode.asString();
    ObjectNode data = Json.object();
    data.put("guild_id", guildId);
    ArrayNode channels = data.putArray("channels");
    guild(guildId)
        .ifPresent(
            g -> {
              for (FakeChannel channel : g.channels()) {
                if (channel.type() == FakeChannel.GUILD_VOICE) {
                  ObjectNode info = channels.addObject();
                  info.put("id", channel.id());
                  if (wanted.contains("status")) {
                    info.put("status", "Soldering session");
                  }
                  if (wanted.contains("voice_start_time")) {
                    info.put("voice_start_time", now().getEpochSecond() - 600);
                  }
                }
              }
            });
    deliver(session, "CHANNEL_INFO", Json.write(data), true);
  }

  // ---- outbound -----------------------------------------------------------------------------

  /**
   * Assigns the next sequence number, keeps the dispatch for replay and sends it if the session is
   * connected. Returns false if the session's intents filter it out.
   */
  private boolean deliver(Session session, String type, String dataJson, boolean always) {
    return deliver(session, type, dataJson, always, null);
  }

  private boolean deliver(
      Session session,
      String type,
      String dataJson,
      boolean always,
      List<CompletableFuture<Void>> tracker) {
    if (!always && config.filterByIntents() && !enabled(type, session.intents)) {
      return false;
    }
    long seq = ++session.lastSeq;
    byte[] payload = Json.dispatchEnvelope(seq, type, dataJson);
    session.record(new SentDispatch(seq, type, payload));
    if (session.streaming) {
      session.deferred.add(payload);
    } else if (session.connection != null) {
      if (tracker == null) {
        session.connection.send(payload);
      } else {
        tracker.add(session.connection.sendTracked(payload));
      }
    }
    return true;
  }

  private static boolean enabled(String type, long intents) {
    Optional<EventType> known = EventType.of(type);
    return known.isEmpty() || known.get().enabledBy(Intent.fromBitmask(intents));
  }

  /** Sends {@code event} to the session of {@code shard}, or of every shard when null. */
  synchronized int dispatch(
      Integer shard, FakeDispatch event, List<CompletableFuture<Void>> tracker) {
    int delivered = 0;
    for (Session session : targets(shard)) {
      if (deliver(session, event.type(), event.dataJson(), false, tracker)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** Sends {@code event} to the session owning its {@code guild_id} (shard 0 without one). */
  synchronized int route(FakeDispatch event, List<CompletableFuture<Void>> tracker) {
    String guildId = event.guildId();
    int delivered = 0;
    for (Session session : List.copyOf(sessionsByShard.values())) {
      int owner = guildId == null ? 0 : Snowflakes.shardOf(guildId, session.shardCount);
      if (owner == session.shardId
          && deliver(session, event.type(), event.dataJson(), false, tracker)) {
        delivered++;
      }
    }
    return delivered;
  }

  private List<Session> targets(Integer shard) {
    if (shard == null) {
      return List.copyOf(sessionsByShard.values());
    }
    Session session = sessionsByShard.get(shard);
    return session == null ? List.of() : List.of(session);
  }

  /** Returns the live connections of {@code shard}'s session, or every live one when null. */
  synchronized List<FakeConnection> connections(Integer shard) {
    if (shard == null) {
      return List.copyOf(live.values());
    }
    Session session = sessionsByShard.get(shard);
    return session == null || session.connection == null ? List.of() : List.of(session.connection);
  }

  synchronized void invalidSession(FakeConnection conn, boolean resumable) {
    if (!resumable && conn.session != null) {
      forget(conn.session);
      conn.session.connection = null;
      conn.session = null;
      conn.authenticated = false;
    }
    conn.sendOp(Opcode.INVALID_SESSION.code(), Boolean.toString(resumable));
  }

  synchronized void forgetSessions() {
    sessionsById.clear();
  }

  synchronized void forgetSession(int shard) {
    Session session = sessionsByShard.get(shard);
    if (session != null) {
      sessionsById.remove(session.id);
    }
  }

  private void remember(Session session) {
    history.put(session.id, session);
    if (history.size() > HISTORY_CAPACITY) {
      history.remove(history.keySet().iterator().next());
    }
  }

  synchronized List<String> sessionIds(int shard) {
    List<String> ids = new ArrayList<>();
    for (Session session : history.values()) {
      if (session.shardId == shard) {
        ids.add(session.id);
      }
    }
    return ids;
  }

  synchronized List<SentDispatch> sentDispatches(String sessionId) {
    Session session = history.get(sessionId);
    return session == null ? List.of() : List.copyOf(session.log);
  }

  synchronized List<SentDispatch> sentDispatches(int shard) {
    Session session = sessionsByShard.get(shard);
    return session == null ? List.of() : List.copyOf(session.log);
  }

  synchronized Optional<String> sessionId(int shard) {
    Session session = sessionsByShard.get(shard);
    return Optional.ofNullable(session == null ? null : session.id);
  }

  synchronized long lastSequence(int shard) {
    Session session = sessionsByShard.get(shard);
    return session == null ? 0 : session.lastSeq;
  }

  /** Reserves {@code count} sequence numbers for a stream; returns the session and first seq. */
  synchronized StreamReservation beginStream(int shard, long count) {
    Session session = sessionsByShard.get(shard);
    if (session == null || session.connection == null) {
      throw new IllegalStateException("shard " + shard + " has no connected session");
    }
    if (session.streaming) {
      throw new IllegalStateException("shard " + shard + " is already streaming");
    }
    session.streaming = true;
    long first = session.lastSeq + 1;
    session.lastSeq += count;
    session.replayFloor = session.lastSeq;
    session.log.clear();
    return new StreamReservation(session, session.connection, first);
  }

  synchronized void endStream(Session session) {
    session.streaming = false;
    if (session.connection != null) {
      for (byte[] payload : session.deferred) {
        session.connection.send(payload);
      }
    }
    session.deferred.clear();
  }

  record StreamReservation(Session session, FakeConnection connection, long firstSeq) {}

  // ---- payload builders ---------------------------------------------------------------------

  private Optional<FakeGuild> guild(String id) {
    return config.guilds().stream().filter(g -> g.id().equals(id)).findFirst();
  }

  private List<FakeGuild> guildsOf(Session session) {
    return config.guilds().stream()
        .filter(g -> g.shardFor(session.shardCount) == session.shardId)
        .toList();
  }

  private ObjectNode ready(Session session, List<FakeGuild> guilds, boolean withShard) {
    ObjectNode d = Json.object();
    d.put("v", 10);
    ObjectNode user = FakeEvents.user(config.botUser());
    user.put("verified", true);
    user.put("mfa_enabled", false);
    user.put("flags", 0);
    user.putNull("email");
    d.set("user", user);
    ArrayNode list = d.putArray("guilds");
    for (FakeGuild guild : guilds) {
      list.addObject().put("id", guild.id()).put("unavailable", true);
    }
    d.put("session_id", session.id);
    d.put("resume_gateway_url", resumeUrl());
    if (withShard) {
      d.putArray("shard").add(session.shardId).add(session.shardCount);
    }
    d.putObject("application")
        .put("id", config.botUser().id())
        .put("flags", config.applicationFlags());
    d.putArray("_trace").add("[\"fake-discord-gateway\",{\"micros\":0.0}]");
    d.putArray("private_channels");
    d.putArray("presences");
    d.putArray("relationships");
    d.putArray("guild_join_requests");
    d.put("session_type", "normal");
    d.putObject("auth");
    d.putObject("user_settings");
    return d;
  }

  private ObjectNode guildCreate(FakeGuild guild, long intents) {
    Instant created =
        Instant.ofEpochMilli(
            (Long.parseUnsignedLong(guild.id()) >>> 22) + Snowflakes.DISCORD_EPOCH_MS);
    ObjectNode d = Json.object();
    d.put("id", guild.id());
    d.put("name", guild.name());
    d.putNull("icon");
    d.putNull("splash");
    d.putNull("discovery_splash");
    d.put("owner_id", guild.ownerId());
    d.putNull("afk_channel_id");
    d.put("afk_timeout", 300);
    d.put("verification_level", 1);
    d.put("default_message_notifications", 1);
    d.put("explicit_content_filter", 2);
    ObjectNode everyone = d.putArray("roles").addObject();
    everyone.put("id", guild.id());
    everyone.put("name", "@everyone");
    everyone.put("color", 0);
    ObjectNode colors = everyone.putObject("colors");
    colors.put("primary_color", 0);
    colors.putNull("secondary_color");
    colors.putNull("tertiary_color");
    everyone.put("hoist", false);
    everyone.putNull("icon");
    everyone.putNull("unicode_emoji");
    everyone.put("position", 0);
    everyone.put("permissions", "633630186917441");
    everyone.put("managed", false);
    everyone.put("mentionable", false);
    everyone.put("flags", 0);
    d.putArray("emojis");
    d.putArray("features").add("COMMUNITY");
    d.put("mfa_level", 0);
    d.putNull("application_id");
    d.putNull("system_channel_id");
    d.put("system_channel_flags", 0);
    d.putNull("rules_channel_id");
    d.putNull("vanity_url_code");
    d.putNull("description");
    d.putNull("banner");
    d.put("premium_tier", 0);
    d.put("premium_subscription_count", 0);
    d.put("preferred_locale", "en-US");
    d.put("nsfw_level", 0);
    d.putArray("stickers");
    d.put("premium_progress_bar_enabled", false);
    d.put("joined_at", FakeEvents.timestamp(created.plus(Duration.ofDays(30))));
    d.put("large", guild.members().size() + 1 > 50);
    d.put("unavailable", false);
    d.put("member_count", guild.members().size() + 1);
    d.putArray("voice_states");
    ArrayNode members = d.putArray("members");
    members.add(FakeEvents.member(config.botUser(), created.plus(Duration.ofDays(30))));
    boolean fullLists = (intents & Intent.GUILD_PRESENCES.value()) != 0;
    ArrayNode presences = d.putArray("presences");
    if (fullLists) {
      for (FakeUser user : guild.members()) {
        members.add(FakeEvents.member(user, created.plus(Duration.ofDays(1))));
        ObjectNode presence = presences.addObject();
        presence.putObject("user").put("id", user.id());
        presence.put("status", "online");
        presence.putObject("client_status").put("desktop", "online");
        presence.putArray("activities");
      }
    }
    ArrayNode channels = d.putArray("channels");
    int position = 0;
    for (FakeChannel channel : guild.channels()) {
      ObjectNode c = channels.addObject();
      c.put("id", channel.id());
      c.put("type", channel.type());
      c.put("name", channel.name());
      c.put("position", position++);
      c.putNull("parent_id");
      c.put("nsfw", false);
      c.put("rate_limit_per_user", 0);
      c.put("flags", 0);
      c.putArray("permission_overwrites");
      if (channel.type() == FakeChannel.GUILD_VOICE) {
        c.put("bitrate", 64000);
        c.put("user_limit", 0);
        c.putNull("rtc_region");
      } else {
        c.putNull("topic");
        c.putNull("last_message_id");
      }
    }
    d.putArray("threads");
    d.putArray("stage_instances");
    d.putArray("guild_scheduled_events");
    d.putArray("soundboard_sounds");
    return d;
  }
}
