package io.github.discordgateway.autoconfigure.redis;

import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** One process's connection to the test Redis: its own Lettuce client, as another JVM has. */
final class RedisConnections implements AutoCloseable {

  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  final LettuceConnectionFactory factory;
  final StringRedisTemplate template;

  RedisConnections(int port) {
    LettuceClientConfiguration client =
        LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build();
    factory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
    factory.afterPropertiesSet();
    factory.start();
    template = new StringRedisTemplate(factory);
  }

  /** The connection of a process that died: gone without a goodbye. */
  @Override
  public void close() {
    factory.destroy();
  }
}
