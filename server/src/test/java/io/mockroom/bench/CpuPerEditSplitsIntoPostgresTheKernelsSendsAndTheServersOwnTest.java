package io.mockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A run's CPU per delivered edit is told as three parts: Postgres's share of it (the run measures
 * both), the kernel's sends (1.5 per delivered edit at the cost measured apart) and the rest.
 */
class CpuPerEditSplitsIntoPostgresTheKernelsSendsAndTheServersOwnTest {

  @Test
  void postgresIsItsShareOfTheServersCpuAndTheSendsAreOneAndAHalfMeasuredSends() {
    // 60 µs per edit at 60 % of the core, 18 % of it Postgres's; a send cost 10 µs.
    LoadGenerator.Result r = new LoadGenerator.Result("typing", 1000, 3000, 5000, 10000, 3, 10, 20, 90, 0, 0, 0, 0, 60,
        60, 30, 500 << 20, 250 << 20, 120 << 20, 0, false, 18, 3, 10, 5, 40, 1800, 3, null, 10);

    assertThat(r.cpuPerEditSplit()).isEqualTo("cpu/edit 60.0us = postgres 18.0 + the kernel's sends ~15.0 (1.5 a delivered edit,"
        + " 10.0us each here, measured apart) + the server's own ~27.0");
  }
}
