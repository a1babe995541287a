package io.github.discordgateway.core.model.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a primitive component ({@code int}, {@code long}, {@code boolean}, {@code double}) read an
 * absent key or a JSON {@code null} as its Java default ({@code 0} / {@code false}).
 *
 * <p>Needed because Jackson 3 enables {@code FAIL_ON_NULL_FOR_PRIMITIVES} by default, which would
 * otherwise reject every payload that leaves out an optional number or boolean.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSetter(nulls = Nulls.AS_EMPTY)
public @interface OrDefault {}
