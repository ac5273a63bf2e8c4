package org.civicflow.portal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time of the whole machine and of the database server on it, from {@code /proc} (Linux):
 * whether a phase kept the cores busy, and what the database spent per unit of work. Both read as
 * zero where {@code /proc} is missing or the database server runs elsewhere.
 */
final class MachineCpu {

  /** Clock ticks per second of {@code /proc} figures (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path DATABASE = databaseServer();

  /** A reading: busy and all ticks of the machine, and the database server's ticks. */
  record Reading(long busyTicks, long allTicks, long databaseTicks) {
    /** The difference to an earlier reading. */
    Reading since(Reading earlier) {
      return new Reading(
          busyTicks - earlier.busyTicks,
          allTicks - earlier.allTicks,
          databaseTicks - earlier.databaseTicks);
    }

    Reading plus(Reading other) {
      return new Reading(
          busyTicks + other.busyTicks,
          allTicks + other.allTicks,
          databaseTicks + other.databaseTicks);
    }

    /** The share of the machine's CPU that was busy (0–1). */
    double busyShare() {
      return allTicks == 0 ? 0 : (double) busyTicks / allTicks;
    }

    double databaseMs() {
      return databaseTicks * 1000 / TICKS_PER_SECOND;
    }
  }

  static final Reading NONE = new Reading(0, 0, 0);

  private MachineCpu() {}

  static Reading read() {
    long busy = 0;
    long all = 0;
    try {
      // cpu  user nice system idle iowait irq softirq steal ...
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      for (int i = 1; i <= 8 && i < f.length; i++) {
        long v = Long.parseLong(f[i]);
        all += v;
        if (i != 4 && i != 5) {
          busy += v;
        }
      }
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
    return new Reading(busy, all, databaseTicks());
  }

  private static long databaseTicks() {
    if (DATABASE == null) {
      return 0;
    }
    try {
      String stat = Files.readString(DATABASE);
      // after "(comm)": state is field 3, utime 14 and stime 15
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** {@code /proc/<pid>/stat} of the local MariaDB or MySQL server, if there is one. */
  private static Path databaseServer() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(
              p -> {
                try {
                  String name = Files.readString(p.resolve("comm")).trim();
                  return name.equals("mariadbd") || name.equals("mysqld");
                } catch (IOException e) {
                  return false;
                }
              })
          .map(p -> p.resolve("stat"))
          .findFirst()
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
