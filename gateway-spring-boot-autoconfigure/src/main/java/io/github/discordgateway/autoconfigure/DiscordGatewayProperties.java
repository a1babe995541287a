package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.codec.Compression;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Discord gateway ({@code discord.gateway.*}).
 *
 * <pre>{@code
 * discord:
 *   gateway:
 *     token: ${DISCORD_TOKEN}
 *     intents: [GUILDS, GUILD_MESSAGES, MESSAGE_CONTENT]
 *     shards:
 *       total: auto
 * }</pre>
 */
@ConfigurationProperties("discord.gateway")
public class DiscordGatewayProperties {

  /** Whether to connect the application to the Discord gateway. */
  private boolean enabled = true;

  /** Bot token from the Developer Portal, without the "Bot " prefix. Never logged or exposed. */
  private String token;

  /**
   * Gateway intents by name, case-insensitive (for example GUILDS, GUILD_MESSAGES,
   * MESSAGE_CONTENT). Privileged intents must also be enabled in the Developer Portal.
   */
  private List<String> intents = new ArrayList<>(List.of("GUILDS", "GUILD_MESSAGES"));

  /**
   * Gateway WebSocket URL to connect to instead of the one returned by the REST API, for proxies
   * and tests (for example ws://127.0.0.1:8080).
   */
  private URI url;

  /** Base URL of the Discord REST API, used to discover the gateway and the shard count. */
  private URI apiUrl = URI.create("https://discord.com/api/v10");

  /** Transport compression of what Discord sends: zlib-stream, zstd-stream or none. */
  private Compression compression = Compression.ZLIB_STREAM;

  /**
   * Member count (50-250) above which Discord sends only online members of a guild in GUILD_CREATE.
   */
  private int largeThreshold = 50;

  /** Shards this application runs. */
  private final Shards shards = new Shards();

  /** Presence sent with Identify. */
  private final Presence presence = new Presence();

  /** Connection settings. */
  private final Connection connection = new Connection();

  /** Reconnect backoff. */
  private final Reconnect reconnect = new Reconnect();

  /** Event delivery to listeners. */
  private final Events events = new Events();

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

  public Compression getCompression() {
    return compression;
  }

  public void setCompression(Compression compression) {
    this.compression = compression;
  }

  public int getLargeThreshold() {
    return largeThreshold;
  }

  public void setLargeThreshold(int largeThreshold) {
    this.largeThreshold = largeThreshold;
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

  public Reconnect getReconnect() {
    return reconnect;
  }

  public Events getEvents() {
    return events;
  }

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
        + ", shards="
        + shards.total
        + "/"
        + shards.ids
        + "]";
  }

  /** Shards this application runs. */
  public static class Shards {

    /** Total shard count of the bot: a number, or "auto" to use Discord's recommendation. */
    private String total = "1";

    /**
     * Shard ids this instance runs, as ranges and lists (for example 0-7 or 0,2,4); empty for all.
     */
    private String ids;

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
  }

  /** Presence sent with Identify. */
  public static class Presence {

    /** Status: online, dnd, idle, invisible or offline. */
    private String status = "online";

    /** Name of the activity shown, for example "with snowflakes"; none when empty. */
    private String activityName;

    /** Type of the activity: playing, streaming, listening, watching, custom or competing. */
    private String activityType = "playing";

    /** Stream URL of a streaming activity. */
    private String activityUrl;

    /** Whether the bot is marked as away from keyboard. */
    private boolean afk;

    public String getStatus() {
      return status;
    }

    public void setStatus(String status) {
      this.status = status;
    }

    public String getActivityName() {
      return activityName;
    }

    public void setActivityName(String activityName) {
      this.activityName = activityName;
    }

    public String getActivityType() {
      return activityType;
    }

    public void setActivityType(String activityType) {
      this.activityType = activityType;
    }

    public String getActivityUrl() {
      return activityUrl;
    }

    public void setActivityUrl(String activityUrl) {
      this.activityUrl = activityUrl;
    }

    public boolean isAfk() {
      return afk;
    }

    public void setAfk(boolean afk) {
      this.afk = afk;
    }
  }

  /** Connection settings. */
  public static class Connection {

    /** Operating system reported in Identify. */
    private String os = System.getProperty("os.name", "linux").toLowerCase(java.util.Locale.ROOT);

    /** Library name reported in Identify as the browser. */
    private String browser = "discord-gateway-java";

    /** Library name reported in Identify as the device. */
    private String device = "discord-gateway-java";

    /** Time allowed for the TCP connect and the WebSocket handshake together. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Time allowed between the WebSocket handshake and Discord's Hello. */
    private Duration helloTimeout = Duration.ofSeconds(20);

    /** Largest message accepted from Discord; a large guild's GUILD_CREATE can exceed 1 MB. */
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

    public DataSize getMaxFrameSize() {
      return maxFrameSize;
    }

    public void setMaxFrameSize(DataSize maxFrameSize) {
      this.maxFrameSize = maxFrameSize;
    }
  }

  /** Reconnect backoff: exponential with full jitter. */
  public static class Reconnect {

    /** Upper bound of the first reconnect delay. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** Cap of every reconnect delay. */
    private Duration maxBackoff = Duration.ofSeconds(60);

    /** Growth of the delay bound per failed attempt. */
    private double multiplier = 2.0;

    /** How long a connection must stay up before the attempts count from zero again. */
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
     * catch up. Heartbeats keep flowing; no event is dropped.
     */
    private int queueCapacity = 1024;

    /** Threads that deliver events to listeners, shared by all shards; 0 for the core count. */
    private int threads;

    public int getQueueCapacity() {
      return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }
  }
}
