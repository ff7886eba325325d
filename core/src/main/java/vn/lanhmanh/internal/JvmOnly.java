package vn.lanhmanh.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that runs on the JVM only (it uses Java 9+ APIs Android lacks, such as {@code VarHandle} or
 * {@code CRC32C}): the Android API check (animal-sniffer, see {@code docs/ANDROID.md}) leaves it out.
 * Text and conversation checks never load such a class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JvmOnly {
  /** Why the class is JVM-only. */
  String value();
}
