/*
 * libfilmtherm_comsol.so called from several threads at once, as COMSOL may
 * when an External node is marked Thread safe:
 *   comsol_threads <filmtherm source dir> <path of libfilmtherm_comsol.so>
 * Four threads evaluate ft_Cph, ft_Pep and ft_dPesc_dT on blocks whose sizes
 * change every call (so the shared scratch buffer grows while others use it),
 * and one thread calls init again with the same string meanwhile. Every
 * result must equal, bit for bit, the one-thread result computed first.
 * Exit status: the number of failed checks.
 */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "filmtherm_comsol.h"

#define MAX_POINTS 1000
#define THREADS 4
#define ROUNDS 40

static filmtherm_comsol_init_fn comsol_init;
static filmtherm_comsol_eval_fn comsol_eval;
static char init_string[1024];

static const char* const names[3] = {"ft_Cph", "ft_Pep", "ft_dPesc_dT"};
static const int arg_counts[3] = {2, 2, 3};
static double t[MAX_POINTS], tph[MAX_POINTS], tb[MAX_POINTS], d[MAX_POINTS];
static double expected[3][MAX_POINTS];

/* The arguments of function f, in its order. */
static void arguments(int f, const double** in) {
  in[0] = t;
  in[1] = f == 0 ? d : f == 1 ? tph : tb;
  in[2] = d;
}

typedef struct worker {
  int seed;     /* makes each thread's sequence of block sizes its own */
  int failures; /* calls that failed and points that differ */
} worker;

static void* evaluate(void* arg) {
  worker* self = arg;
  double out[MAX_POINTS];
  const double* in[3];
  int round, f, k;
  for (round = 0; round < ROUNDS; ++round) {
    const int n = 1 + (round * 251 + 97 * self->seed) % MAX_POINTS;
    f = round % 3;
    arguments(f, in);
    if (comsol_eval(names[f], arg_counts[f], in, NULL, n, out, NULL) != 1) {
      ++self->failures;
      continue;
    }
    for (k = 0; k < n; ++k) self->failures += memcmp(&out[k], &expected[f][k], sizeof out[k]) != 0;
  }
  return NULL;
}

static void* reinitialise(void* arg) {
  worker* self = arg;
  int round;
  for (round = 0; round < ROUNDS; ++round) self->failures += comsol_init(init_string) != 1;
  return NULL;
}

int main(int argc, char** argv) {
  pthread_t threads[THREADS + 1];
  worker workers[THREADS + 1];
  int total = 0, i, k;
  void *handle, *init_symbol, *eval_symbol;
  const double* in[3];
  if (argc != 3) {
    fprintf(stderr, "usage: %s <filmtherm source dir> <libfilmtherm_comsol.so>\n", argv[0]);
    return 1;
  }
  handle = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    fprintf(stderr, "dlopen(%s): %s\n", argv[2], dlerror());
    return 1;
  }
  init_symbol = dlsym(handle, "init");
  eval_symbol = dlsym(handle, "eval");
  if (init_symbol == NULL || eval_symbol == NULL) return 1;
  memcpy(&comsol_init, &init_symbol, sizeof comsol_init); /* POSIX: the bytes are the function */
  memcpy(&comsol_eval, &eval_symbol, sizeof comsol_eval);
  snprintf(init_string, sizeof init_string,
           "library=%s/examples/materials/nbtin.yaml;material=NbTiN;escape=acoustic-mismatch;"
           "escape.boundary_coefficient=86.9 W/(m^2 K^4)",
           argv[1]);
  if (comsol_init(init_string) != 1) return 1;
  for (k = 0; k < MAX_POINTS; ++k) {
    t[k] = 0.5 + 19.5 * k / (MAX_POINTS - 1);
    tph[k] = 0.4 + 0.01 * (k % 1000);
    tb[k] = 0.004 * (k % 1000);
    d[k] = 3e-9 + 1.7e-11 * (k % 1000);
  }
  for (i = 0; i < 3; ++i) {
    arguments(i, in);
    if (comsol_eval(names[i], arg_counts[i], in, NULL, MAX_POINTS, expected[i], NULL) != 1)
      return 1;
  }
  for (i = 0; i <= THREADS; ++i) {
    workers[i].seed = i;
    workers[i].failures = 0;
    if (pthread_create(&threads[i], NULL, i < THREADS ? evaluate : reinitialise, &workers[i]) != 0)
      return 1;
  }
  for (i = 0; i <= THREADS; ++i) {
    pthread_join(threads[i], NULL);
    total += workers[i].failures;
  }
  if (total > 0) fprintf(stderr, "%d results or calls differed under threads\n", total);
  dlclose(handle);
  return total;
}
