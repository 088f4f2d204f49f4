/*
 * The three functions of COMSOL Multiphysics' external-function interface
 * (COMSOL Multiphysics Programming Reference Manual, model.func(), "External"),
 * as libfilmtherm_comsol.so implements them. COMSOL does not include this
 * header: it looks the functions up by name. It is here so that the test
 * harness (and any other caller) states the same signatures, and so the
 * definitions are checked against them. docs/comsol.md explains the use.
 */
#ifndef FILMTHERM_HOSTS_COMSOL_FILMTHERM_COMSOL_H
#define FILMTHERM_HOSTS_COMSOL_FILMTHERM_COMSOL_H

#define FILMTHERM_COMSOL_EXPORT __attribute__((visibility("default")))

/* Loads the material the Initialization data names ("device=PATH" or
 * "library=PATH;material=NAME[;escape=MODEL;escape.KEY=VALUE...]").
 * Returns 1 on success, 0 on failure (message: getLastError). The same string
 * again is a no-op; a different one replaces the material. */
FILMTHERM_COMSOL_EXPORT int init(const char* str);

/* The message of the last failed init or eval; "" after a success. Never NULL. */
FILMTHERM_COMSOL_EXPORT const char* getLastError(void);

/* Evaluates function `func` at blockSize points: inReal[i][k] is argument i at
 * point k, outReal[k] the result. Returns 1 (a real result) or 0 (failure:
 * outReal untouched, message in getLastError). inImag must be NULL or all zero. */
FILMTHERM_COMSOL_EXPORT int eval(const char* func, int nArgs, const double** inReal,
                                 const double** inImag, int blockSize, double* outReal,
                                 double* outImag);

/* The same as pointer types, for a host that dlopens the library. */
typedef int (*filmtherm_comsol_init_fn)(const char*);
typedef const char* (*filmtherm_comsol_error_fn)(void);
typedef int (*filmtherm_comsol_eval_fn)(const char*, int, const double**, const double**, int,
                                        double*, double*);

#endif /* FILMTHERM_HOSTS_COMSOL_FILMTHERM_COMSOL_H */
