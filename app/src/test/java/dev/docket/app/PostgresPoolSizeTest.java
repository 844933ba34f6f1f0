package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresPoolSizeTest {
  @Test
  void unsetMeansTheAdapterDefault() {
    assertThat(PostgresDatabase.poolSize(null)).isNull();
    assertThat(PostgresDatabase.poolSize(" ")).isNull();
  }

  @Test
  void aWholeNumberInRangeIsThePoolSize() {
    assertThat(PostgresDatabase.poolSize("25")).isEqualTo(25);
    assertThat(PostgresDatabase.poolSize("1")).isEqualTo(1);
  }

  @Test
  void anythingElseIsAUsageErrorNamingTheSetting() {
    for (String bad : new String[] {"0", "501", "ten", "2.5"}) {
      assertThatThrownBy(() -> PostgresDatabase.poolSize(bad))
          .isInstanceOf(UsageException.class)
          .hasMessageStartingWith("DOCKET_DB_POOL_SIZE:");
    }
  }
}
