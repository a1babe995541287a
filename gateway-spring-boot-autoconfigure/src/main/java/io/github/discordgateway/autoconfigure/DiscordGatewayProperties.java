package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.protocol.BotActivityType;
import io.github.discordgateway.core.protocol.PresenceStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Discord gateway ({@code discord.gateway.*}). {@link #toString()}
 * never shows the token.
 *
 * <pre>{@code
 * discord:
 *   gateway:
 *     token: ${DISCORD_TOKEN:}
 *     intents: [GUILDS, GUILD_MESSAGES, MESSAGE_CONTENT]
 *     shards:
 *       total: auto
 * }</pre>
 */
@ConfigurationProperties("discord.gateway")
public class DiscordGatewayProperties {

  /** Whether to connect the application to the Discord gateway. */
  private boolean enabled = true;

  /**
   * Bot token from the Developer Portal, with or without the "Bot " prefix. Never logged or exposed
   * by actuator endpoints.
   */
  private String token;

  /**
   * Gateway intents by name, case-insensitive (for example GUILDS, GUILD_MESSAGES,
   * MESSAGE_CONTENT). Privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) must
   * also be enabled in the Developer Portal.
   */
  private List<String> intents = new ArrayList<>(List.of("GUILDS", "GUILD_MESSAGES"));

  /**
   * Gateway WebSocket URL (ws:// or wss://) to connect to instead of the one returned by the REST
   * API, for proxies and tests (for example ws://127.0.0.1:8080). With a fixed shard total and this
   * URL, no REST call is made at start-up.
   */
  private URI url;

  /** Base URL of the Discord REST API, used to discover the gateway URL and the shard count. */
  private URI apiUrl = URI.create("https://discord.com/api/v10");

  /**
   * Transport compression of what Discord sends: zlib-stream, zstd-stream (needs
   * com.github.luben:zstd-jni on the class path) or none.
   */
  private String compression = "zlib-stream";

  /** Payload encoding: json (the default) or etf (Erlang External Term Format). */
  private Encoding encoding = Encoding.JSON;

  /**
   * Member count (50-250) above which Discord sends only online members of a guild in GUILD_CREATE.
   */
  private int largeThreshold = 50;

  /**
   * Whether to connect when the application context starts; when false, call start() on the
   * DiscordGatewayLifecycle bean.
   */
  private boolean autoStartup = true;

  /** Time a graceful shutdown waits for the connections to close. */
  private Duration stopTimeout = Duration.ofSeconds(5);

  /**
   * What to do when a shard stops for good on a fatal close code (4004 bad token, 4010 invalid
   * shard, 4011 sharding required, 4012 invalid API version, 4013 invalid intents, 4014 disallowed
   * intents): none keeps the application running (health reports the shard down), exit closes the
   * application and exits the JVM with status 1, for deployments where nothing watches readiness.
   */
  private FatalAction fatalAction = FatalAction.NONE;

  /** Shards this application runs. */
  private final Shards shards = new Shards();

  /** Presence sent with Identify. */
  private final Presence presence = new Presence();

  /** Connection settings. */
  private final Connection connection = new Connection();

  /** The WebSocket client that carries the connections. */
  private final Transport transport = new Transport();

  /** Reconnect backoff: exponential with full jitter. */
  private final Reconnect reconnect = new Reconnect();

  /** Event delivery to listeners. */
  private final Events events = new Events();

  /** Gateway commands sent through the DiscordGateway bean. */
  private final Commands commands = new Commands();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public List<String> getIntents() {
    return intents;
  }

  public void setIntents(List<String> intents) {
    this.intents = intents;
  }

  public URI getUrl() {
    return url;
  }

  public void setUrl(URI url) {
    this.url = url;
  }

  public URI getApiUrl() {
    return apiUrl;
  }

  public void setApiUrl(URI apiUrl) {
    this.apiUrl = apiUrl;
  }

  public String getCompression() {
    return compression;
  }

  public void setCompression(String compression) {
    this.compression = compression;
  }

  public FatalAction getFatalAction() {
    return fatalAction;
  }

  public void setFatalAction(FatalAction fatalAction) {
    this.fatalAction = fatalAction;
  }

  /** Returns the payload encoding. */
  public Encoding getEncoding() {
    return encoding;
  }

  /** Sets the payload encoding. */
  public void setEncoding(Encoding encoding) {
    this.encoding = encoding;
  }

  public int getLargeThreshold() {
    return largeThreshold;
  }

  public void setLargeThreshold(int largeThreshold) {
    this.largeThreshold = largeThreshold;
  }

  public boolean isAutoStartup() {
    return autoStartup;
  }

  public void setAutoStartup(boolean autoStartup) {
    this.autoStartup = autoStartup;
  }

  public Duration getStopTimeout() {
    return stopTimeout;
  }

  public void setStopTimeout(Duration stopTimeout) {
    this.stopTimeout = stopTimeout;
  }

  public Shards getShards() {
    return shards;
  }

  public Presence getPresence() {
    return presence;
  }

  public Connection getConnection() {
    return connection;
  }

  /** Returns the WebSocket transport settings. */
  public Transport getTransport() {
    return transport;
  }

  public Reconnect getReconnect() {
    return reconnect;
  }

  public Events getEvents() {
    return events;
  }

  public Commands getCommands() {
    return commands;
  }

  /** Prints every setting except the token, which shows as {@code <redacted>} when set. */
  @Override
  public String toString() {
    return "DiscordGatewayProperties[enabled="
        + enabled
        + ", token="
        + (token == null ? "null" : "<redacted>")
        + ", intents="
        + intents
        + ", url="
        + url
        + ", apiUrl="
        + apiUrl
        + ", compression="
        + compression
        + ", encoding="
        + encoding
        + ", largeThreshold="
        + largeThreshold
        + ", shards="
        + shards.total
        + "/"
        + shards.ids
        + "]";
  }

  /** What the application does when a shard stops for good on a fatal close code. */
  public enum FatalAction {
    /** Keep running: the shard stays down and health reports it. */
    NONE,
    /** Close the application context and exit the JVM with status 1. */
    EXIT
  }

  /** Shards this application runs. */
  public static class Shards {

    /** Total shard count of the bot: a number, or "auto" to use Discord's recommendation. */
    private String total = "1";

    /**
     * Shard ids this instance runs, as ranges and lists (for example 0-7 or 0,2,4); empty for all.
     * Every id must be below the total.
     */
    private String ids;

    /**
     * Identify buckets (max_concurrency) when the gateway is not discovered over REST; ignored when
     * Discord reports its own value.
     */
    private int maxConcurrency = 1;

    /**
     * Time a start wave (one shard per identify bucket) waits for its shards to send Identify or
     * Resume before the next wave starts anyway, so that one shard that keeps failing to connect
     * does not hold back the others.
     */
    private Duration waveTimeout = Duration.ofSeconds(60);

    public String getTotal() {
      return total;
    }

    public void setTotal(String total) {
      this.total = total;
    }

    public String getIds() {
      return ids;
    }

    public void setIds(String ids) {
      this.ids = ids;
    }

    public int getMaxConcurrency() {
      return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
    }

    public Duration getWaveTimeout() {
      return waveTimeout;
    }

    public void setWaveTimeout(Duration waveTimeout) {
      this.waveTimeout = waveTimeout;
    }

    /** Returns whether the total is "auto" (case-insensitive). */
    boolean isAuto() {
      return total != null && total.trim().toLowerCase(Locale.ROOT).equals("auto");
    }
  }

  /** Presence sent with Identify; none is sent when neither a status nor an activity is set. */
  public static class Presence {

    /** Status: online, dnd, idle, invisible or offline. */
    private PresenceStatus status;

    /** Whether the bot is marked as away from keyboard. */
    private boolean afk;

    /** Activity shown under the bot's name. */
    private final Activity activity = new Activity();

    public PresenceStatus getStatus() {
      return status;
    }

    public void setStatus(PresenceStatus status) {
      this.status = status;
    }

    public boolean isAfk() {
      return afk;
    }

    public void setAfk(boolean afk) {
      this.afk = afk;
    }

    public Activity getActivity() {
      return activity;
    }
  }

  /** Activity shown under the bot's name. */
  public static class Activity {

    /** Name of the activity, for example "with snowflakes"; no activity when empty. */
    private String name;

    /** Type of the activity: playing, streaming, listening, watching, custom or competing. */
    private BotActivityType type = BotActivityType.PLAYING;

    /** Extra text; the shown text of a custom status. */
    private String state;

    /** Stream URL (Twitch or YouTube) of a streaming activity. */
    private String url;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public BotActivityType getType() {
      return type;
    }

    public void setType(BotActivityType type) {
      this.type = type;
    }

    public String getState() {
      return state;
    }

    public void setState(String state) {
      this.state = state;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }
  }

  /** Connection settings. */
  public static class Connection {

    /** Operating system reported in the Identify connection properties. */
    private String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);

    /** Library name reported in the Identify connection properties as the browser. */
    private String browser = "discord-gateway-java";

    /** Library name reported in the Identify connection properties as the device. */
    private String device = "discord-gateway-java";

    /** Time allowed for the TCP connect and the WebSocket handshake together. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Time allowed between the WebSocket handshake and Discord's Hello. */
    private Duration helloTimeout = Duration.ofSeconds(20);

    /** Time one write to the socket may block before the connection is considered dead. */
    private Duration sendTimeLimit = Duration.ofSeconds(10);

    /** Time allowed for the REST call that discovers the gateway and the shard count. */
    private Duration restTimeout = Duration.ofSeconds(10);

    /**
     * Longest time start-up keeps retrying the REST call after network errors, 5xx answers and rate
     * limits before it fails (a rejected token fails at once).
     */
    private Duration restMaxWait = Duration.ofSeconds(60);

    /**
     * Largest message accepted from Discord, after decompression; a large guild's GUILD_CREATE can
     * exceed 1 MB.
     */
    private DataSize maxFrameSize = DataSize.ofMegabytes(16);

    public String getOs() {
      return os;
    }

    public void setOs(String os) {
      this.os = os;
    }

    public String getBrowser() {
      return browser;
    }

    public void setBrowser(String browser) {
      this.browser = browser;
    }

    public String getDevice() {
      return device;
    }

    public void setDevice(String device) {
      this.device = device;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getHelloTimeout() {
      return helloTimeout;
    }

    public void setHelloTimeout(Duration helloTimeout) {
      this.helloTimeout = helloTimeout;
    }

    public Duration getSendTimeLimit() {
      return sendTimeLimit;
    }

    public void setSendTimeLimit(Duration sendTimeLimit) {
      this.sendTimeLimit = sendTimeLimit;
    }

    public Duration getRestMaxWait() {
      return restMaxWait;
    }

    public void setRestMaxWait(Duration restMaxWait) {
      this.restMaxWait = restMaxWait;
    }

    public Duration getRestTimeout() {
      return restTimeout;
    }

    public void setRestTimeout(Duration restTimeout) {
      this.restTimeout = restTimeout;
    }

    public DataSize getMaxFrameSize() {
      return maxFrameSize;
    }

    public void setMaxFrameSize(DataSize maxFrameSize) {
      this.maxFrameSize = maxFrameSize;
    }
  }

  /** The WebSocket client that carries the connections. */
  public static class Transport {

    /**
     * WebSocket client: spring (spring-websocket over Tomcat's JSR-356 client, the default) or jdk
     * (the JDK's java.net.http WebSocket, whose threads do not grow with the shard count over TLS).
     */
    private TransportType type = TransportType.SPRING;

    /**
     * Pool threads of the jdk transport (TLS and message hand-off, shared by all shards); 0 for the
     * processor count (at least 2, at most 16). Ignored by the spring transport.
     */
    private int threads;

    /** Returns the transport type. */
    public TransportType getType() {
      return type;
    }

    /** Sets the transport type. */
    public void setType(TransportType type) {
      this.type = type;
    }

    /** Returns the pool threads of the jdk transport; 0 for the default. */
    public int getThreads() {
      return threads;
    }

    /** Sets the pool threads of the jdk transport; 0 for the default. */
    public void setThreads(int threads) {
      this.threads = threads;
    }
  }

  /** The WebSocket client that carries the connections. */
  public enum TransportType {
    /** spring-websocket over Tomcat's JSR-356 client (or the application's WebSocketClient). */
    SPRING,
    /** The JDK's java.net.http WebSocket: a fixed number of threads, TLS included. */
    JDK
  }

  /** Reconnect backoff: exponential with full jitter. */
  public static class Reconnect {

    /** Upper bound of the first reconnect delay. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** Cap of every reconnect delay. */
    private Duration maxBackoff = Duration.ofSeconds(60);

    /** Growth of the delay bound per failed attempt (at least 1). */
    private double multiplier = 2.0;

    /** Time a connection must stay up before the attempts count from zero again. */
    private Duration resetAfter = Duration.ofSeconds(60);

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public double getMultiplier() {
      return multiplier;
    }

    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    public Duration getResetAfter() {
      return resetAfter;
    }

    public void setResetAfter(Duration resetAfter) {
      this.resetAfter = resetAfter;
    }
  }

  /** Event delivery to listeners. */
  public static class Events {

    /**
     * Events waiting per shard at which the shard stops reading from its socket until listeners
     * catch up (at least 2). Heartbeats keep flowing; no event is dropped.
     */
    private int queueCapacity = 1024;

    /** Events one delivery task hands to listeners before the shard yields its thread. */
    private int batchSize = 64;

    /**
     * Threads that deliver events to listeners, shared by all shards; 0 for the processor count.
     * Ignored with virtual threads (spring.threads.virtual.enabled).
     */
    private int threads;

    public int getQueueCapacity() {
      return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }
  }

  /** Gateway commands sent through the DiscordGateway bean. */
  public static class Commands {

    /**
     * Time a Request Guild Members waits for its last GUILD_MEMBERS_CHUNK before its future fails.
     */
    private Duration memberRequestTimeout = Duration.ofSeconds(30);

    /**
     * Time a command sent while its shard has no live session (connecting, reconnecting or
     * resuming) waits for the next session before its future fails with NOT_CONNECTED.
     */
    private Duration timeout = Duration.ofSeconds(30);

    public Duration getMemberRequestTimeout() {
      return memberRequestTimeout;
    }

    public void setMemberRequestTimeout(Duration memberRequestTimeout) {
      this.memberRequestTimeout = memberRequestTimeout;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
