package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardManagerBuilder;

/**
 * Customizes the {@link ShardManagerBuilder} of the auto-configured {@link ShardManager} after the
 * properties were applied. Customizer beans run in {@link org.springframework.core.Ordered order}.
 *
 * <pre>{@code
 * @Bean
 * ShardManagerBuilderCustomizer restTimeout() {
 *   return builder -> builder.restTimeout(Duration.ofSeconds(3));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ShardManagerBuilderCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(ShardManagerBuilder builder);
}
