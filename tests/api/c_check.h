/*
 * Checks shared by the C test programs of the C host API: each failed check
 * prints where and why and counts; main returns the count. EXPECT_CODE also
 * requires a failing call to leave a non-empty message (filmtherm_last_error);
 * EXPECT_NULL_ARGUMENT, that the message names a NULL.
 */
#ifndef FILMTHERM_TESTS_API_C_CHECK_H
#define FILMTHERM_TESTS_API_C_CHECK_H

#include <stdio.h>
#include <string.h>

#include "filmtherm/filmtherm.h"

static int check_failures = 0;

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      ++check_failures;                                                             \
    }                                                                               \
  } while (0)

static void check_code(int got, int want, int need_message, const char* call, const char* file,
                       int line) {
  if (got != want) {
    fprintf(stderr, "%s:%d: %s returned %s, expected %s; last error: %s\n", file, line, call,
            filmtherm_code_name(got), filmtherm_code_name(want), filmtherm_last_error());
    ++check_failures;
    return;
  }
  if (need_message && want != FILMTHERM_OK) {
    if (filmtherm_last_error()[0] == '\0' || filmtherm_last_error_code() != want) {
      fprintf(stderr, "%s:%d: %s failed with %s but left no message (last code %s)\n", file, line,
              call, filmtherm_code_name(got), filmtherm_code_name(filmtherm_last_error_code()));
      ++check_failures;
    }
  }
}

/* A call and the code it must return; a failure must leave a message. */
#define EXPECT_CODE(call, code) check_code((call), (code), 1, #call, __FILE__, __LINE__)
/* The same for the error getters, which never record a message. */
#define EXPECT_CODE_QUIET(call, code) check_code((call), (code), 0, #call, __FILE__, __LINE__)
#define EXPECT_OK(call) EXPECT_CODE(call, FILMTHERM_OK)
/* A NULL argument: FILMTHERM_E_INVALID_ARGUMENT, and the message says so. */
#define EXPECT_NULL_ARGUMENT(call)                                                               \
  do {                                                                                           \
    EXPECT_CODE(call, FILMTHERM_E_INVALID_ARGUMENT);                                             \
    if (strstr(filmtherm_last_error(), "NULL") == NULL) {                                        \
      fprintf(stderr, "%s:%d: %s: the message does not name the NULL: %s\n", __FILE__, __LINE__, \
              #call, filmtherm_last_error());                                                    \
      ++check_failures;                                                                          \
    }                                                                                            \
  } while (0)

/* |a - b| <= tolerance |b| */
#define CHECK_CLOSE(a, b, tolerance)                                                         \
  do {                                                                                       \
    const double check_a_ = (a), check_b_ = (b);                                             \
    const double check_d_ = check_a_ > check_b_ ? check_a_ - check_b_ : check_b_ - check_a_; \
    const double check_m_ = check_b_ < 0 ? -check_b_ : check_b_;                             \
    if (!(check_d_ <= (tolerance)*check_m_)) {                                               \
      fprintf(stderr, "%s:%d: %s = %.17g, expected %s = %.17g (tolerance %g)\n", __FILE__,   \
              __LINE__, #a, check_a_, #b, check_b_, (double)(tolerance));                    \
      ++check_failures;                                                                      \
    }                                                                                        \
  } while (0)

#endif /* FILMTHERM_TESTS_API_C_CHECK_H */
