package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code serve}'s start-up checks: the heap estimate and the API key required beyond loopback. */
class ServeCommandTest {

  private static final ServiceBudgets TWO_CORES = new ServiceBudgets(ServiceBudgets.DEFAULT_MAX_ANSWER_BYTES, 1,
      ServiceBudgets.DEFAULT_BODY_TIMEOUT_MILLIS, ServiceBudgets.DEFAULT_MIN_BYTES_PER_SECOND,
      ServiceBudgets.DEFAULT_MAX_CONNECTIONS, ServiceBudgets.DEFAULT_NEW_CONVERSATIONS_PER_MINUTE);

  @Test
  void heapAdviceWarnsBelowTheEstimateAndNotesFarAboveIt() {
    long need = ServeCommand.heapNeedMib(ServiceLimits.DEFAULTS, TWO_CORES, 32, ServeCommand.DEFAULT_URL_CACHE);
    // 64 base + 64 conversations + 39 URL cache + 27 heavy + 32 threads + 15 connections
    assertThat(need).isBetween(230L, 250L);
    assertThat(ServeCommand.recommendedMib(need)).isEqualTo(512);
    assertThat(ServeCommand.heapAdvice(512L << 20, ServiceLimits.DEFAULTS, TWO_CORES, 32, ServeCommand.DEFAULT_URL_CACHE))
        .isNull();
    assertThat(ServeCommand.heapAdvice(128L << 20, ServiceLimits.DEFAULTS, TWO_CORES, 32, ServeCommand.DEFAULT_URL_CACHE))
        .startsWith("warning: the heap limit is 128 MiB").contains("-Xmx512m");
    assertThat(ServeCommand.heapAdvice(8L << 30, ServiceLimits.DEFAULTS, TWO_CORES, 32, ServeCommand.DEFAULT_URL_CACHE))
        .startsWith("note: the heap limit is 8192 MiB");
  }

  @Test
  void bindingBeyondLoopbackNeedsAnApiKey() {
    if (System.getenv(ServiceAccess.API_KEY_ENV) != null) {
      return;   // the environment gives a key: nothing to refuse
    }
    Cli.Result r = Cli.run("", "serve", "--port", "0", "--host", "0.0.0.0");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains(ServiceAccess.API_KEY_ENV);
  }

  @Test
  void hostHeadersAreMatchedWithoutPortAndCase() {
    ServiceAccess a = new ServiceAccess(java.util.Set.of("Filter.School.VN"), java.util.Set.of(), null);
    assertThat(a.hostAllowed("filter.school.vn:8080", "127.0.0.1")).isTrue();
    assertThat(a.hostAllowed("LOCALHOST:1", "127.0.0.1")).isTrue();
    assertThat(a.hostAllowed("[::1]:80", "127.0.0.1")).isTrue();
    assertThat(a.hostAllowed("evil.example", "127.0.0.1")).isFalse();
    assertThat(a.hostAllowed("localhost", "10.1.2.3")).isFalse();
    assertThat(a.hostAllowed("10.1.2.3:80", "0.0.0.0")).isTrue();
    assertThat(a.hostAllowed("evil.example", "0.0.0.0")).isFalse();
    assertThat(a.hostAllowed(null, "127.0.0.1")).isTrue();
  }
}
