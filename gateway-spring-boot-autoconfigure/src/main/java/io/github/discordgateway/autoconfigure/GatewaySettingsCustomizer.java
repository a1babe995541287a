package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.client.GatewaySettings;

/**
 * Customizes the {@link GatewaySettings.Builder} (what every shard identifies with) after the
 * properties were applied. Customizer beans run in {@link org.springframework.core.Ordered order}.
 *
 * <pre>{@code
 * @Bean
 * GatewaySettingsCustomizer watching() {
 *   return builder -> builder.presence(UpdatePresence.of("online", Activity.playing("chess")));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface GatewaySettingsCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(GatewaySettings.Builder builder);
}
