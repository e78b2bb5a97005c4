package org.interlend.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, per account and per address: after {@link #ACCOUNT_LIMIT} wrong
 * passwords for one account within {@link #WINDOW} the account refuses sign-in for a while (one
 * minute, doubling with each further failure, at most {@link #LONGEST}); after {@link
 * #ADDRESS_LIMIT} failures from one address within the window that address is refused for {@link
 * #ADDRESS_PAUSE}. A refused attempt is answered before the password is checked, so failed attempts
 * cost little. A success clears the account's count.
 *
 * <p>The counts live in this replica's memory: with several replicas behind a load balancer the
 * limits apply per replica.
 */
@Component
public class SignInThrottle {

  static final int ACCOUNT_LIMIT = 5;
  static final int ADDRESS_LIMIT = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration LONGEST = Duration.ofMinutes(15);
  static final Duration ADDRESS_PAUSE = Duration.ofMinutes(5);

  /** Entries kept at most; the oldest counts are dropped first under a flood of names. */
  static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  public SignInThrottle() {
    this(Clock.systemUTC());
  }

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  private static final class Failures {
    Instant windowStart;
    int count;
    Instant lockedUntil = Instant.EPOCH;
  }

  /** Why a sign-in is refused without checking the password, if it is. */
  public Optional<String> refusal(String username, String address) {
    Instant now = clock.instant();
    Failures account = username == null ? null : accounts.get(key(username));
    if (account != null) {
      synchronized (account) {
        if (account.lockedUntil.isAfter(now)) {
          return Optional.of(
              "Too many wrong passwords for this account. Try again in "
                  + minutes(Duration.between(now, account.lockedUntil))
                  + ".");
        }
      }
    }
    Failures from = address == null ? null : addresses.get(address);
    if (from != null) {
      synchronized (from) {
        if (from.lockedUntil.isAfter(now)) {
          return Optional.of(
              "Too many failed sign-ins from your network address. Try again in "
                  + minutes(Duration.between(now, from.lockedUntil))
                  + ".");
        }
      }
    }
    return Optional.empty();
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    if (username != null) {
      Failures account = entry(accounts, key(username), now);
      synchronized (account) {
        if (count(account, now) >= ACCOUNT_LIMIT) {
          int over = account.count - ACCOUNT_LIMIT;
          Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(over, 10));
          account.lockedUntil = now.plus(lock.compareTo(LONGEST) > 0 ? LONGEST : lock);
        }
      }
    }
    if (address != null) {
      Failures from = entry(addresses, address, now);
      synchronized (from) {
        if (count(from, now) >= ADDRESS_LIMIT) {
          from.lockedUntil = now.plus(ADDRESS_PAUSE);
        }
      }
    }
  }

  void succeeded(String username) {
    if (username != null) {
      accounts.remove(key(username));
    }
  }

  /** Forgets every count (tests that share the app with others clean up after themselves). */
  void reset() {
    accounts.clear();
    addresses.clear();
  }

  private static int count(Failures f, Instant now) {
    if (f.windowStart == null || f.windowStart.plus(WINDOW).isBefore(now)) {
      f.windowStart = now;
      f.count = 0;
    }
    return ++f.count;
  }

  private Failures entry(Map<String, Failures> map, String key, Instant now) {
    if (map.size() > MAX_ENTRIES) {
      map.entrySet()
          .removeIf(
              e ->
                  e.getValue().windowStart != null
                      && e.getValue().windowStart.plus(WINDOW).isBefore(now)
                      && !e.getValue().lockedUntil.isAfter(now));
    }
    return map.computeIfAbsent(key, k -> new Failures());
  }

  private static String key(String username) {
    return username.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String minutes(Duration d) {
    long m = Math.max(1, (d.toSeconds() + 59) / 60);
    return m == 1 ? "a minute" : m + " minutes";
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    if (event instanceof AuthenticationFailureBadCredentialsEvent) {
      failed(
          String.valueOf(event.getAuthentication().getName()),
          address(event.getAuthentication().getDetails()));
    }
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    succeeded(event.getAuthentication().getName());
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}
