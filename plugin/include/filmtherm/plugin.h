/*
 * filmtherm material-model plugin ABI.
 *
 * The one header a plugin author needs. A plugin is a shared library that
 * exports one function, filmtherm_plugin_entry(), returning a static
 * descriptor: the ABI version it was built for, its name and version, and its
 * models. Each model supplies one material property (phonon or electron heat
 * capacity, electron-phonon power, phonon escape power, thermal conductivity),
 * declares its parameters with their SI dimensions and defaults, and is created
 * from SI parameter values, evaluated over arrays, and destroyed through
 * function pointers. Everything crossing this boundary is plain C: SI doubles,
 * NUL-terminated UTF-8 strings, status codes, and error texts written into a
 * caller-provided buffer. No C++ exception may cross it. Compiles as C99 and
 * C++. See docs/plugin-abi.md for the versioning, ownership and threading rules.
 */
#ifndef FILMTHERM_PLUGIN_H
#define FILMTHERM_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version. A host refuses a plugin whose major version differs from its
 * own. Minor versions only append: fields at the end of structs (guarded by
 * struct_size), new property codes, new status codes. */
#define FILMTHERM_PLUGIN_ABI_MAJOR 1
#define FILMTHERM_PLUGIN_ABI_MINOR 0

/* The name of the one symbol a plugin exports. */
#define FILMTHERM_PLUGIN_ENTRY_SYMBOL "filmtherm_plugin_entry"

#if defined(_WIN32)
#define FILMTHERM_PLUGIN_EXPORT __declspec(dllexport)
#else
#define FILMTHERM_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* Status codes returned by create and evaluate. */
typedef enum filmtherm_status {
  FILMTHERM_STATUS_OK = 0,
  /* A parameter or input is outside the model's domain (negative
   * temperature, thickness of zero, a table's range exceeded). */
  FILMTHERM_STATUS_OUT_OF_DOMAIN = 1,
  /* The request is malformed (missing input array, wrong parameter count). */
  FILMTHERM_STATUS_INVALID_ARGUMENT = 2,
  /* Anything else: allocation failure, internal error. */
  FILMTHERM_STATUS_INTERNAL_ERROR = 3
} filmtherm_status;

/* The material property a model supplies. Inputs and outputs of evaluate for
 * each property are documented at filmtherm_evaluation. */
typedef enum filmtherm_property {
  FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY = 1,
  FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY = 2,
  FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER = 3,
  FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER = 4,
  FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY = 5
} filmtherm_property;

/* An SI dimension as integer exponents of m, kg, s, A, K, mol. A velocity is
 * {1, 0, -1, 0, 0, 0}; a dimensionless number is all zeros. */
typedef struct filmtherm_dimension {
  int8_t length;
  int8_t mass;
  int8_t time;
  int8_t current;
  int8_t temperature;
  int8_t amount;
} filmtherm_dimension;

/* Helper for static tables: FILMTHERM_DIMENSION(1, 0, -1, 0, 0, 0) is a velocity. */
#define FILMTHERM_DIMENSION(L, M, T, I, THETA, N) \
  { (int8_t)(L), (int8_t)(M), (int8_t)(T), (int8_t)(I), (int8_t)(THETA), (int8_t)(N) }

/* Parameter flags. */
#define FILMTHERM_PARAMETER_REQUIRED 0x1u /* the user must give it */
/* Optional parameter without a default: create receives NaN when it is absent
 * (default_value is ignored). Used for "give either A or B" choices. */
#define FILMTHERM_PARAMETER_NO_DEFAULT 0x2u

/* One declared parameter of a model. Values cross the ABI in SI units of the
 * declared dimension; the host parses and checks "4000 m/s" against it. */
typedef struct filmtherm_parameter {
  const char* name; /* snake_case key, e.g. "sound_velocity" */
  filmtherm_dimension dimension;
  double default_value; /* SI; used when the user omits an optional parameter */
  uint32_t flags;       /* FILMTHERM_PARAMETER_* */
  const char* doc;      /* one line: what it means, and in which convention */
} filmtherm_parameter;

/* Arrays for one evaluate call: count points, all arrays of length count.
 * Inputs (SI):
 *   temperature_K         the property's own temperature: T_ph for phonon
 *                         heat capacity and escape, T_e for electron heat
 *                         capacity and electron-phonon power, T for thermal
 *                         conductivity. Always given.
 *   second_temperature_K  T_ph for electron-phonon power, the bath temperature
 *                         T_b for escape power; NULL otherwise.
 *   film_thickness_m      the film thickness d at each point: given for phonon
 *                         heat capacity and escape power (a film model is
 *                         C_ph(T, d); a boundary law divides by d); NULL for
 *                         the other properties.
 *   phonon_heat_capacity  C_ph(T_ph) [J m^-3 K^-1] and its slope
 *   phonon_heat_capacity_slope  dC_ph/dT [J m^-3 K^-2], given for escape power
 *                         (a fixed escape time needs them); NULL otherwise.
 * Outputs (SI), written by the model; the host passes NULL for those it does
 * not need, except value, which is always given:
 *   value                 C [J m^-3 K^-1] for heat capacities, P [W m^-3] for
 *                         powers (positive from the first body to the second:
 *                         electrons to phonons, phonons to bath), kappa
 *                         [W m^-1 K^-1] for thermal conductivity.
 *   value_slope           d value / d temperature_K.
 *   value_second_slope    d value / d second_temperature_K (powers only).
 *   energy_density        heat capacities only: integral_0^T C dT' [J m^-3].
 */
typedef struct filmtherm_evaluation {
  uint32_t struct_size; /* sizeof(filmtherm_evaluation) as the host compiled it */
  size_t count;
  const double* temperature_K;
  const double* second_temperature_K;
  const double* film_thickness_m;
  const double* phonon_heat_capacity;
  const double* phonon_heat_capacity_slope;
  double* value;
  double* value_slope;
  double* value_second_slope;
  double* energy_density;
} filmtherm_evaluation;

/* A model. Function pointers:
 *   create    builds an instance from parameter_count SI values in the order of
 *             parameters[]; on failure returns a non-OK status, writes a
 *             NUL-terminated message into error (at most error_size bytes,
 *             may be truncated), and leaves *instance untouched.
 *   destroy   releases an instance made by create (NULL is allowed).
 *   evaluate  fills the outputs of one filmtherm_evaluation; on failure
 *             returns non-OK and writes a message as create does. Must not
 *             allocate in the common case: it runs in solver inner loops. */
typedef struct filmtherm_model {
  uint32_t struct_size;    /* sizeof(filmtherm_model) as the plugin compiled it */
  const char* name;        /* unique among all loaded plugins, e.g. "film" */
  int32_t property;        /* filmtherm_property */
  const char* description; /* one or two sentences */
  const char* reference;   /* where the model comes from (paper, equation) */
  const filmtherm_parameter* parameters;
  size_t parameter_count;
  /* Non-zero if one instance may be evaluated from several threads at once. */
  int32_t thread_safe;
  int32_t (*create)(const double* parameter_values, size_t parameter_count, void** instance,
                    char* error, size_t error_size);
  void (*destroy)(void* instance);
  int32_t (*evaluate)(const void* instance, const filmtherm_evaluation* evaluation, char* error,
                      size_t error_size);
} filmtherm_model;

/* The descriptor a plugin returns. abi_major and abi_minor stay the first two
 * fields in every ABI version, so any host can read them. The descriptor and
 * everything it points to is static: it lives as long as the library is loaded. */
typedef struct filmtherm_plugin {
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t struct_size; /* sizeof(filmtherm_plugin) as the plugin compiled it */
  const char* name;     /* e.g. "filmtherm-builtin" */
  const char* version;  /* the plugin's own version, e.g. "0.1.0" */
  const filmtherm_model* const* models;
  size_t model_count;
} filmtherm_plugin;

/* The entry point every plugin defines (with FILMTHERM_PLUGIN_EXPORT). */
typedef const filmtherm_plugin* (*filmtherm_plugin_entry_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FILMTHERM_PLUGIN_H */
