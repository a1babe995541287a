package io.github.discordgateway.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Matches unless {@code discord.gateway.enabled} is {@code false}: the one switch of every Discord
 * gateway auto-configuration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnBooleanProperty(name = "discord.gateway.enabled", matchIfMissing = true)
public @interface ConditionalOnDiscordGatewayEnabled {}
