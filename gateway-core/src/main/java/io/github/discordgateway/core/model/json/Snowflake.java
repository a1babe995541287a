package io.github.discordgateway.core.model.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Marks a {@code long} or {@code Long} component as a Discord snowflake: read from a JSON string or
 * number as an unsigned 64-bit value, written as a decimal string.
 *
 * <p>On a primitive {@code long} an absent or {@code null} value reads as {@code 0}; on a {@code
 * Long} it reads as {@code null}. A value outside the unsigned 64-bit range fails with a {@link
 * tools.jackson.databind.DatabindException} naming the field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonDeserialize(using = SnowflakeDeserializer.class)
@JsonSerialize(using = SnowflakeSerializer.class)
public @interface Snowflake {}
