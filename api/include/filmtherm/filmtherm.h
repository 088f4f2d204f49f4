/*
 * filmtherm C host API (libfilmtherm).
 *
 * The one header a C, Fortran, Python (ctypes/cffi) or FEM host needs to use
 * filmtherm as a library: create a context (the built-in material plugin plus
 * plugin files and folders you add), load a material library from YAML, take a
 * material by name and evaluate its models (C_ph(T, d), C_e(T), P_ep(T_e, T_ph),
 * P_esc(T, T_b, d), kappa(T)) with their slopes over arrays, or load a device
 * file, run it and read its summary (JSON text) and traces (arrays). Every
 * function returns an int status (FILMTHERM_OK = 0 or a FILMTHERM_E_* code)
 * and never lets a C++ exception, an abort or a NULL dereference cross it;
 * the message of a failure is fetched afterwards (filmtherm_context_errmsg,
 * filmtherm_last_error). Objects are opaque handles made by the create and
 * load functions and released by the destroy functions (which accept NULL).
 * Strings come out in buffers the caller owns, snprintf-like; arrays are the
 * caller's too, and evaluation never allocates. All values are SI doubles.
 * Compiles as C99 and C++. docs/c-api.md states the rules (lifetimes,
 * threads, versions, NULL per argument) and shows a complete host.
 */
#ifndef FILMTHERM_FILMTHERM_H
#define FILMTHERM_FILMTHERM_H

#include <stddef.h>

#include "filmtherm/plugin.h" /* filmtherm_property: the property codes */

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define FILMTHERM_API
#else
#define FILMTHERM_API __attribute__((visibility("default")))
#endif

/* ---- Versions -------------------------------------------------------------
 * The major version is the library's SONAME version (libfilmtherm.so.0): it
 * changes when a function or struct changes incompatibly. Minor versions only
 * add functions, codes and fields at the end of option structs. A host
 * compiled against MAJOR.MINOR runs with a library whose major version is
 * the same and whose minor version is at least MINOR:
 *   int v = filmtherm_api_version();
 *   if (v / 1000 != FILMTHERM_API_VERSION_MAJOR || v % 1000 < FILMTHERM_API_VERSION_MINOR) ...
 */
#define FILMTHERM_API_VERSION_MAJOR 0
#define FILMTHERM_API_VERSION_MINOR 3
#define FILMTHERM_API_VERSION (FILMTHERM_API_VERSION_MAJOR * 1000 + FILMTHERM_API_VERSION_MINOR)

/* FILMTHERM_API_VERSION of the library actually loaded. */
FILMTHERM_API int filmtherm_api_version(void);
/* filmtherm's release, e.g. "0.1.0": a static string. */
FILMTHERM_API const char* filmtherm_version_string(void);

/* ---- Status codes ---------------------------------------------------------- */
typedef enum filmtherm_code {
  FILMTHERM_OK = 0,
  /* A NULL pointer where one is required, a count of 0, an unknown property
   * or option code, a model or parameter name or value that is wrong. */
  FILMTHERM_E_INVALID_ARGUMENT = 1,
  /* An input file is wrong: the location (file, line, column, key) of the
   * first problem is kept (filmtherm_context_error_location). */
  FILMTHERM_E_INPUT = 2,
  /* A plugin failed to load, or a model refused to evaluate. */
  FILMTHERM_E_PLUGIN = 3,
  /* An input value is outside the domain: a temperature or thickness that is
   * not finite or not positive, a device setting the model cannot run. */
  FILMTHERM_E_OUT_OF_DOMAIN = 4,
  /* The ODE solver failed; the time it reached is kept
   * (filmtherm_context_error_time). */
  FILMTHERM_E_SOLVER = 5,
  /* The output buffer is too small: a string was truncated (still
   * NUL-terminated) and its full length reported, or an array was not written. */
  FILMTHERM_E_BUFFER_TOO_SMALL = 6,
  /* No such material, model, column, variant or index; or no location/time
   * kept for the last error. */
  FILMTHERM_E_NOT_FOUND = 7,
  /* Anything else, out of memory included. */
  FILMTHERM_E_INTERNAL = 8
} filmtherm_code;

/* "FILMTHERM_E_INPUT" etc.: a static string; "unknown code" for others. */
FILMTHERM_API const char* filmtherm_code_name(int code);

/* ---- Handles ---------------------------------------------------------------- */
typedef struct filmtherm_context filmtherm_context;
typedef struct filmtherm_library filmtherm_library;
typedef struct filmtherm_material filmtherm_material;
/* One created material model (the name filmtherm_model is the plugin ABI's). */
typedef struct filmtherm_model_handle filmtherm_model_handle;
typedef struct filmtherm_device filmtherm_device;
typedef struct filmtherm_run filmtherm_run;
/* A wire stepped by a host that computes its current (since minor version 2). */
typedef struct filmtherm_wire filmtherm_wire;

/* ---- Strings out --------------------------------------------------------------
 * Every function that returns a string takes (char* buffer, size_t size,
 * size_t* length): it writes at most size bytes, always NUL-terminated when
 * size > 0, and stores the full string length (without the NUL) in *length
 * when length is not NULL. buffer may be NULL only when size is 0 (a query of
 * the length, which returns FILMTHERM_E_BUFFER_TOO_SMALL like any truncation). */

/* ---- Errors -------------------------------------------------------------------
 * A failing call records its message (and, for input and solver errors, the
 * location or time) for the calling thread, in two places: the context it
 * was made on (directly or through a library, material, model, device or run
 * of that context), read with filmtherm_context_*; and the thread's last
 * error, read with filmtherm_last_error(), which is the only place for calls
 * that have no context (a failed create, a NULL handle). Successful calls do
 * not clear them (like errno). The functions of this section never record. */

/* The calling thread's last failure message on this context (or on its
 * children), "" when there was none. Valid until the next failing call on the
 * context from this thread, or its destruction. NULL context: returns a
 * static "no context (NULL)". */
FILMTHERM_API const char* filmtherm_context_errmsg(const filmtherm_context* context);
/* Its status code, FILMTHERM_OK when there was none; NULL context:
 * FILMTHERM_E_INVALID_ARGUMENT. */
FILMTHERM_API int filmtherm_context_errcode(const filmtherm_context* context);
/* The calling thread's last failure message of any call, "" when there was
 * none. Valid until the thread's next failing call. Never NULL. */
FILMTHERM_API const char* filmtherm_last_error(void);
/* Its status code, FILMTHERM_OK when there was none. */
FILMTHERM_API int filmtherm_last_error_code(void);

/* Where the last FILMTHERM_E_INPUT failure (of this thread, on this context)
 * points: the file as it was named, 1-based line and column (0 when unknown).
 * line and column may be NULL; file follows the string rules.
 * FILMTHERM_E_NOT_FOUND when the last failure has no location. */
FILMTHERM_API int filmtherm_context_error_location(const filmtherm_context* context, int* line,
                                                   int* column, char* file, size_t file_size,
                                                   size_t* file_length);
/* The key path of that location ("film.thickness") or, for a parameter error,
 * the parameter's name. FILMTHERM_E_NOT_FOUND when there is none. */
FILMTHERM_API int filmtherm_context_error_key(const filmtherm_context* context, char* key,
                                              size_t key_size, size_t* key_length);
/* The time [s] the solver reached when the last failure was FILMTHERM_E_SOLVER;
 * FILMTHERM_E_NOT_FOUND otherwise. */
FILMTHERM_API int filmtherm_context_error_time(const filmtherm_context* context,
                                               double* time_reached_s);

/* ---- Context -------------------------------------------------------------------
 * Holds the loaded plugins. Creating one loads the built-in plugin (found next
 * to libfilmtherm.so: <its folder>/filmtherm/plugins, else next to the
 * executable) and every file or folder in FILMTHERM_PLUGIN_PATH. Every other
 * handle keeps its context's plugins alive: handles may be destroyed in any
 * order. */
FILMTHERM_API int filmtherm_context_create(filmtherm_context** context);
FILMTHERM_API void filmtherm_context_destroy(filmtherm_context* context);
/* Loads one plugin file, or every *.so in a folder. Waits for the loads and
 * runs in progress on the context (and they for it); evaluations go on. */
FILMTHERM_API int filmtherm_context_load_plugin(filmtherm_context* context, const char* path);
/* The models the context knows, in load order. */
FILMTHERM_API int filmtherm_context_model_count(const filmtherm_context* context, size_t* count);
/* The name of model `index` and, when property is not NULL, its property. */
FILMTHERM_API int filmtherm_context_model_name(const filmtherm_context* context, size_t index,
                                               int* property, char* name, size_t name_size,
                                               size_t* name_length);

/* ---- Material library -------------------------------------------------------
 * A YAML material library (docs/yaml-reference.md), with its `imports:`. Every
 * material is validated at load; errors are FILMTHERM_E_INPUT with location. */
FILMTHERM_API int filmtherm_library_load_file(filmtherm_context* context, const char* path,
                                              filmtherm_library** library);
FILMTHERM_API void filmtherm_library_destroy(filmtherm_library* library);
FILMTHERM_API int filmtherm_library_material_count(const filmtherm_library* library, size_t* count);
FILMTHERM_API int filmtherm_library_material_name(const filmtherm_library* library, size_t index,
                                                  char* name, size_t name_size,
                                                  size_t* name_length);

/* ---- Material ---------------------------------------------------------------
 * A material of a library with its models created. Independent of the library
 * once made. */
FILMTHERM_API int filmtherm_material_create(const filmtherm_library* library, const char* name,
                                            filmtherm_material** material);
/* Ignores a material borrowed from a device (filmtherm_device_material). */
FILMTHERM_API void filmtherm_material_destroy(filmtherm_material* material);
FILMTHERM_API int filmtherm_material_name(const filmtherm_material* material, char* name,
                                          size_t name_size, size_t* name_length);
/* The material's model for `property` (FILMTHERM_PROPERTY_*): borrowed, valid
 * while the material lives. FILMTHERM_E_NOT_FOUND for a property the material
 * does not give (thermal conductivity is optional; phonon escape belongs to a
 * device's substrate: filmtherm_device_escape_model). */
FILMTHERM_API int filmtherm_material_model(const filmtherm_material* material, int property,
                                           const filmtherm_model_handle** model);
/* T_c [K] and rho_n [Ohm m]: FILMTHERM_E_NOT_FOUND when the material has none. */
FILMTHERM_API int filmtherm_material_critical_temperature(const filmtherm_material* material,
                                                          double* kelvin);
FILMTHERM_API int filmtherm_material_normal_resistivity(const filmtherm_material* material,
                                                        double* ohm_metre);

/* ---- Models ------------------------------------------------------------------
 * One created model of a plugin. keys[i] = values[i] are the parameters, each
 * value a number with its unit ("86.9 W/(m^2 K^4)", "4000 m/s", "3.45");
 * omitted ones take their defaults. count may be 0 (keys and values may then
 * be NULL). The model must supply `property`. */
FILMTHERM_API int filmtherm_model_create(filmtherm_context* context, int property,
                                         const char* model_name, size_t count,
                                         const char* const* keys, const char* const* values,
                                         filmtherm_model_handle** model);
/* Ignores a borrowed model (from a material or a device). */
FILMTHERM_API void filmtherm_model_destroy(filmtherm_model_handle* model);
FILMTHERM_API int filmtherm_model_name(const filmtherm_model_handle* model, char* name,
                                       size_t name_size, size_t* name_length);
/* Any of the outputs may be NULL. thread_safe: 1 when one model may be
 * evaluated from several threads at once (every built-in model is). */
FILMTHERM_API int filmtherm_model_info(const filmtherm_model_handle* model, int* property,
                                       size_t* parameter_count, int* thread_safe);

/* What a parameter string is (filmtherm_model_parameter_string). */
typedef enum filmtherm_parameter_field {
  FILMTHERM_PARAMETER_NAME = 0,   /* "sound_velocity" */
  FILMTHERM_PARAMETER_UNIT = 1,   /* the SI unit of the value: "m s^-1"; "" dimensionless */
  FILMTHERM_PARAMETER_TEXT = 2,   /* as written: "4000 m/s"; "" when defaulted */
  FILMTHERM_PARAMETER_SOURCE = 3, /* provenance: the cited source; "" when none */
  FILMTHERM_PARAMETER_DOC = 4     /* the model's one-line description */
} filmtherm_parameter_field;

/* Provenance kinds (filmtherm_model_parameter_value). */
typedef enum filmtherm_provenance_kind {
  FILMTHERM_PROVENANCE_UNSPECIFIED = 0,
  FILMTHERM_PROVENANCE_MEASURED = 1,
  FILMTHERM_PROVENANCE_FITTED = 2,
  FILMTHERM_PROVENANCE_ASSUMED = 3
} filmtherm_provenance_kind;

FILMTHERM_API int filmtherm_model_parameter_string(const filmtherm_model_handle* model,
                                                   size_t index, int field, char* text,
                                                   size_t text_size, size_t* text_length);
/* The SI value the model was created with (NaN for an absent optional one)
 * and, when kind is not NULL, its FILMTHERM_PROVENANCE_*. */
FILMTHERM_API int filmtherm_model_parameter_value(const filmtherm_model_handle* model, size_t index,
                                                  double* value_si, int* kind);

/* ---- Evaluation ----------------------------------------------------------------
 * count points (count >= 1); every array has count elements; inputs and the
 * value output are required, the slopes and energies may be NULL (not
 * computed). SI units throughout: T [K], d [m], C [J m^-3 K^-1], dC/dT
 * [J m^-3 K^-2], energy integral_0^T C dT' [J m^-3], P [W m^-3] positive from
 * the first body to the second, dP/dT [W m^-3 K^-1], kappa [W m^-1 K^-1].
 * Temperatures and thicknesses must be finite and positive (the bath may be
 * 0 K): FILMTHERM_E_OUT_OF_DOMAIN names the first that is not, before the
 * model runs. No allocation unless it fails. The model must supply the
 * property of the function (FILMTHERM_E_INVALID_ARGUMENT otherwise). */
FILMTHERM_API int filmtherm_phonon_heat_capacity(const filmtherm_model_handle* model, size_t count,
                                                 const double* temperature_K,
                                                 const double* thickness_m, double* heat_capacity,
                                                 double* slope, double* energy);
FILMTHERM_API int filmtherm_electron_heat_capacity(const filmtherm_model_handle* model,
                                                   size_t count, const double* temperature_K,
                                                   double* heat_capacity, double* slope,
                                                   double* energy);
/* P_ep(T_e, T_ph); slope_electron = dP/dT_e, slope_phonon = dP/dT_ph. */
FILMTHERM_API int filmtherm_electron_phonon_power(const filmtherm_model_handle* model, size_t count,
                                                  const double* electron_temperature_K,
                                                  const double* phonon_temperature_K, double* power,
                                                  double* slope_electron, double* slope_phonon);
/* P_esc(T_ph, T_b; d). Escape-time laws need C_ph(T_ph) and dC_ph/dT at each
 * point (from filmtherm_phonon_heat_capacity); both required. slope_phonon =
 * dP/dT_ph, slope_bath = dP/dT_b. */
FILMTHERM_API int filmtherm_phonon_escape_power(
    const filmtherm_model_handle* model, size_t count, const double* phonon_temperature_K,
    const double* bath_temperature_K, const double* thickness_m, const double* phonon_heat_capacity,
    const double* phonon_heat_capacity_slope, double* power, double* slope_phonon,
    double* slope_bath);
FILMTHERM_API int filmtherm_thermal_conductivity(const filmtherm_model_handle* model, size_t count,
                                                 const double* temperature_K, double* conductivity,
                                                 double* slope);

/* ---- Device ------------------------------------------------------------------
 * A device stack (docs/yaml-reference.md) with the material libraries it
 * imports. Errors are FILMTHERM_E_INPUT with location. */
FILMTHERM_API int filmtherm_device_load_file(filmtherm_context* context, const char* path,
                                             filmtherm_device** device);
/* The same from YAML text. name_for_messages names the text in messages and
 * is the base for relative imports and output folders (it need not exist);
 * NULL means "<string>". */
FILMTHERM_API int filmtherm_device_load_string(filmtherm_context* context, const char* yaml_text,
                                               const char* name_for_messages,
                                               filmtherm_device** device);
FILMTHERM_API void filmtherm_device_destroy(filmtherm_device* device);
FILMTHERM_API int filmtherm_device_name(const filmtherm_device* device, char* name,
                                        size_t name_size, size_t* name_length);
/* The film's material with its models: borrowed, valid while the device lives. */
FILMTHERM_API int filmtherm_device_material(const filmtherm_device* device,
                                            const filmtherm_material** material);
/* The substrate's phonon-escape model: borrowed, valid while the device lives. */
FILMTHERM_API int filmtherm_device_escape_model(const filmtherm_device* device,
                                                const filmtherm_model_handle** model);
FILMTHERM_API int filmtherm_device_film_thickness(const filmtherm_device* device, double* metre);
FILMTHERM_API int filmtherm_device_bath_temperature(const filmtherm_device* device, double* kelvin);

/* ---- Running a device ------------------------------------------------------ */
/* Choices for the electrothermal wire (ignored by the lumped model). */
typedef enum filmtherm_wire_choice {
  FILMTHERM_WIRE_DEFAULT = 0,
  FILMTHERM_WIRE_ONE_TEMPERATURE = 1, /* form */
  FILMTHERM_WIRE_TWO_TEMPERATURE = 2,
  FILMTHERM_WIRE_ROOT_FINDING = 3, /* resistive switch */
  FILMTHERM_WIRE_SMOOTHED = 4,
  FILMTHERM_WIRE_MODEL_POWER = 5, /* escape law */
  FILMTHERM_WIRE_LINEARISED = 6,
  FILMTHERM_WIRE_FRONT = 7 /* resistive switch (since minor version 3): front in the cells */
} filmtherm_wire_choice;

/* The hotspot model of a driven wire (filmtherm_run_options.wire_model, since
 * minor version 3). */
typedef enum filmtherm_wire_model {
  /* The electrothermal wire along its length (docs/wire-model.md). */
  FILMTHERM_WIRE_MODEL_1D = 0,
  /* One normal domain whose ends move with the Skocpol-Beasley-Tinkham
   * velocity, its constants the secants of the device's material models over
   * [T_sub, T_c] (docs/spice.md, "The lumped hotspot"). */
  FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT = 1
} filmtherm_wire_model;

/* Run options: fill with filmtherm_run_options_init, then set what you need.
 * struct_size lets later minor versions append fields: the library reads
 * only the fields a struct of that size holds (at least minor version 2's),
 * the others keep their defaults. */
typedef struct filmtherm_run_options {
  size_t struct_size;
  /* Phonon models to run side by side ("film", "debye"): one variant each.
   * 0 and NULL: the device's compare_phonons, or its own model. */
  size_t compare_phonon_count;
  const char* const* compare_phonons;
  /* Wire model, over the device file's wire: section: a field left at its
   * default (0, FILMTHERM_WIRE_DEFAULT) keeps the device's value (and the
   * device's absent keys their defaults: 500 cells, one temperature, front
   * switch, the form's escape law). */
  size_t wire_cell_count;     /* 0: the device's; else 3 to 10^6 */
  int wire_form;              /* FILMTHERM_WIRE_DEFAULT, _ONE_TEMPERATURE, _TWO_TEMPERATURE */
  int wire_switch;            /* FILMTHERM_WIRE_DEFAULT, _FRONT, _SMOOTHED, _ROOT_FINDING */
  double wire_switch_width_K; /* smoothed switch width; 0: the device's (scaled to the film unless
                                 the device gives one) */
  int wire_escape;            /* FILMTHERM_WIRE_DEFAULT, _MODEL_POWER, _LINEARISED */
  int wire_stop_at_recovery;  /* 0: the device's; > 0: end once recovered; < 0: run to the end */
  /* Since minor version 3: which model filmtherm_wire_create makes
   * (FILMTHERM_WIRE_MODEL_1D, the default, or _LUMPED_HOTSPOT). A host built
   * against minor version 2 passes a struct_size without it: the 1D wire.
   * filmtherm_device_run runs the device's own model and refuses the lumped
   * hotspot (FILMTHERM_E_INVALID_ARGUMENT). */
  int wire_model;
} filmtherm_run_options;

/* Sets the defaults and struct_size. */
FILMTHERM_API int filmtherm_run_options_init(filmtherm_run_options* options);

/* Runs the device's model (lumped two-temperature or electrothermal wire)
 * once per phonon variant. Writes no file and makes no plot. options may be
 * NULL (the defaults). */
FILMTHERM_API int filmtherm_device_run(const filmtherm_device* device,
                                       const filmtherm_run_options* options, filmtherm_run** run);
FILMTHERM_API void filmtherm_run_destroy(filmtherm_run* run);
/* The summary: the text `filmtherm run --no-plot` writes to summary.json. */
FILMTHERM_API int filmtherm_run_summary_json(const filmtherm_run* run, char* json, size_t json_size,
                                             size_t* json_length);
/* The number of variants (one per phonon model). */
FILMTHERM_API int filmtherm_run_variant_count(const filmtherm_run* run, size_t* count);
/* The phonon model of variant `variant`. */
FILMTHERM_API int filmtherm_run_variant_name(const filmtherm_run* run, size_t variant, char* name,
                                             size_t name_size, size_t* name_length);
/* Rows of the trace of a variant (output times). */
FILMTHERM_API int filmtherm_run_trace_length(const filmtherm_run* run, size_t variant,
                                             size_t* rows);
/* The trace's columns, named as in the CLI's trace CSV header (lumped: t_s,
 * T_e_K, T_ph_K, P_ep_W_per_m3, ...; wire: t_s, I_A, V_out_V, ...). */
FILMTHERM_API int filmtherm_run_trace_column_count(const filmtherm_run* run, size_t* count);
FILMTHERM_API int filmtherm_run_trace_column_name(const filmtherm_run* run, size_t index,
                                                  char* name, size_t name_size,
                                                  size_t* name_length);
/* Copies column `column` of variant `variant` into out[0 .. rows-1]; size is
 * out's capacity in doubles: FILMTHERM_E_BUFFER_TOO_SMALL (nothing written)
 * when size < rows. */
FILMTHERM_API int filmtherm_run_trace_column(const filmtherm_run* run, size_t variant,
                                             const char* column, double* out, size_t size);

/* ---- A wire driven by a host's current (since minor version 2) -----------------
 * The electrothermal wire of a device (its film, substrate, photon and
 * material models) without its readout: a circuit simulator computes the
 * current through the wire, and the wire gives back its hotspot resistance
 * R_hs(T, I) (docs/spice.md). Over each step the current is the straight line
 * between the values given at its two ends. The front and smoothed switches
 * are offered (options->wire_switch FILMTHERM_WIRE_ROOT_FINDING is
 * FILMTHERM_E_INVALID_ARGUMENT); the device must give a circuit (its bias and
 * critical current set the switching temperature T*(I); its load resistance
 * is the scale of filmtherm_wire_max_step). options may be NULL. */
FILMTHERM_API int filmtherm_wire_create(const filmtherm_device* device,
                                        const filmtherm_run_options* options,
                                        filmtherm_wire** wire);
FILMTHERM_API void filmtherm_wire_destroy(filmtherm_wire* wire);
/* When the photon's hotspot is there: the arrival of a step, or the opening
 * of a pulse's window (before it the wire is superconducting and cold). */
FILMTHERM_API int filmtherm_wire_start_time(const filmtherm_wire* wire, double* time_s);
/* The wire's present time [s] (the start time until the first advance). */
FILMTHERM_API int filmtherm_wire_time(const filmtherm_wire* wire, double* time_s);
/* Integrates from the present time to end_time_s with the current going
 * linearly from start_current_A to end_current_A (equal: held).
 * FILMTHERM_E_INVALID_ARGUMENT when end_time_s is not after the present time
 * or a current is not finite, FILMTHERM_E_SOLVER when CVODE fails (then
 * restore a saved state or destroy the wire). */
FILMTHERM_API int filmtherm_wire_advance(filmtherm_wire* wire, double end_time_s,
                                         double start_current_A, double end_current_A);
/* The wire at its present time with the current current_A. Any output may be
 * NULL: R_hs [Ohm]; hottest cell [K] (electrons in the two-temperature
 * form) and hottest phonons [K]; resistive length [m]. */
FILMTHERM_API int filmtherm_wire_observe(const filmtherm_wire* wire, double current_A,
                                         double* hotspot_resistance_Ohm, double* hottest_K,
                                         double* hottest_phonon_K, double* hotspot_length_m);
/* The longest next step [s] over which, at the present rates (the current
 * changing at current_rate_A_per_s), R_hs changes by at most relative_change
 * of (R_hs + R_L) and no cell outside its switching band gets further into it
 * than that change allows within twice the step: a host that keeps to it
 * passes no switch within a step. +infinity when nothing changes.
 * relative_change in (0, 1]. */
FILMTHERM_API int filmtherm_wire_max_step(const filmtherm_wire* wire, double current_A,
                                          double current_rate_A_per_s, double relative_change,
                                          double* max_step_s);
/* Keeps the present state in the wire's one slot (made at creation with the
 * start); restore returns to it, e.g. when the host's simulator rejects the
 * step it just took. */
FILMTHERM_API int filmtherm_wire_save(filmtherm_wire* wire);
FILMTHERM_API int filmtherm_wire_restore(filmtherm_wire* wire);
/* The number of cells, and their temperatures [K] (electrons) into
 * out[0 .. cells-1] (FILMTHERM_E_BUFFER_TOO_SMALL when size < cells). */
FILMTHERM_API int filmtherm_wire_cell_count(const filmtherm_wire* wire, size_t* count);
FILMTHERM_API int filmtherm_wire_temperatures(const filmtherm_wire* wire, double* out, size_t size);
/* CVODE steps taken so far (for benchmarks); for the lumped hotspot the
 * closed-form pieces computed (a piece ends where psi i^2 crosses 1 or 2). */
FILMTHERM_API int filmtherm_wire_solver_steps(const filmtherm_wire* wire, long* steps);

/* ---- The lumped hotspot as a driven wire (since minor version 3) -------------
 * With options->wire_model = FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT,
 * filmtherm_wire_create makes one normal domain of length l(t) instead of the
 * 1D wire (K. K. Berggren et al., Supercond. Sci. Technol. 31, 055010 (2018);
 * W. J. Skocpol, M. R. Beasley, M. Tinkham, J. Appl. Phys. 45, 4054 (1974)):
 *   dl/dt = 2 v0 (psi i^2 - 2) / sqrt(psi i^2 - 1),  i = I / I_sw,
 *   R_hs = rho_n l / (w d),
 * l = the photon's belt length at its arrival (if the photon's energy would
 * heat the belt to the switching temperature at the bias; else the wire stays
 * superconducting), 0 before; the domain collapses
 * for good where psi i^2 <= 1 or l reaches 0, and stops at the film's length.
 * The filmtherm_wire_* functions work on it alike, except: observe writes NaN
 * into hottest_K and hottest_phonon_K (the model has no temperatures); the
 * cell count is 0 and filmtherm_wire_temperatures writes nothing. The wire
 * options of filmtherm_run_options other than wire_model are not used. */

/* Which model a wire is (FILMTHERM_WIRE_MODEL_*). */
FILMTHERM_API int filmtherm_wire_model_kind(const filmtherm_wire* wire, int* model);

/* The lumped hotspot's constants, SI, derived from the device's models. */
typedef struct filmtherm_lumped_hotspot_constants {
  size_t struct_size;                     /* sizeof as the host compiled it */
  double heat_capacity_J_per_m3_K;        /* c = [U_e + U_ph](T_sub..T_c) / (T_c - T_sub) */
  double heat_transfer_W_per_m2_K;        /* h = d P_esc(T_c, T_sub) / (T_c - T_sub) */
  double thermal_conductivity_W_per_m_K;  /* kappa, mean over [T_sub, T_c] */
  double switching_current_A;             /* I_sw = I_c0 (1 - (T_sub/T_c)^2)^2 */
  double stekly_parameter;                /* psi = rho_n I_sw^2 / (h w^2 d (T_c - T_sub)) */
  double velocity_scale_m_per_s;          /* v0 = sqrt(h kappa / d) / c */
  double minimum_current_A;               /* I_ss = I_sw / sqrt(psi): psi i^2 = 1 */
  double propagation_current_A;           /* I_sw sqrt(2 / psi): v = 0 */
  double initial_length_m;                /* l0, the photon's belt */
  double wire_length_m;                   /* the ceiling of l */
  double resistance_per_length_Ohm_per_m; /* rho_n / (w d) */
  /* The photon's energy density in its belt above the bath (eta E / V, or
   * U(T_hs) - U(T_sub) for a given hotspot temperature; U = U_e + U_ph), and
   * what the belt needs to reach the switching temperature at the bias,
   * U(T*(I_b)) - U(T_sub). Less than that: no domain forms. */
  double photon_energy_density_J_per_m3;
  double switching_energy_density_J_per_m3;
} filmtherm_lumped_hotspot_constants;

/* Fills *constants (set constants->struct_size = sizeof *constants first; a
 * larger struct of a later version gets the fields this one knows).
 * FILMTHERM_E_NOT_FOUND for a 1D wire; FILMTHERM_E_INVALID_ARGUMENT for a
 * struct_size below this version's. */
FILMTHERM_API int filmtherm_wire_lumped_constants(const filmtherm_wire* wire,
                                                  filmtherm_lumped_hotspot_constants* constants);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FILMTHERM_FILMTHERM_H */
