package io.github.discordgateway.core.model.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Marks a {@code boolean} component that Discord encodes by key presence (role tags such as {@code
 * premium_subscriber}): key present with value {@code null} reads as {@code true}, key absent as
 * {@code false}. An explicit JSON boolean is taken as is. Written back as {@code null} when true
 * and omitted when false.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonDeserialize(using = PresenceFlagDeserializer.class)
@JsonSerialize(using = PresenceFlagSerializer.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public @interface PresenceFlag {}
