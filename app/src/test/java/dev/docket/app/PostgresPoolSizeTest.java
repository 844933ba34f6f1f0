package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.app.db.StoreFactory;
import org.junit.jupiter.api.Test;

class PostgresPoolSizeTest {
  @Test
  void unsetMeansTheAdapterDefault() {
    assertThat(StoreFactory.poolSize(null)).isNull();
    assertThat(StoreFactory.poolSize(" ")).isNull();
  }

  @Test
  void aWholeNumberInRangeIsThePoolSize() {
    assertThat(StoreFactory.poolSize("25")).isEqualTo(25);
    assertThat(StoreFactory.poolSize("1")).isEqualTo(1);
  }

  @Test
  void anythingElseIsAUsageErrorNamingTheSetting() {
    for (String bad : new String[] {"0", "501", "ten", "2.5"}) {
      assertThatThrownBy(() -> StoreFactory.poolSize(bad))
          .isInstanceOf(UsageException.class)
          .hasMessageStartingWith("DOCKET_DB_POOL_SIZE:");
    }
  }
}
