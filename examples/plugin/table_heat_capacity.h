/*
 * A phonon heat capacity interpolated from a table of C(T): the model behind
 * every table the plugin embeds. Interpolation is a monotone cubic (Steffen,
 * Astron. Astrophys. 239, 443 (1990)) in ln C against ln T, so a power law is
 * reproduced exactly and no wiggle appears between points; dC/dT comes from
 * the same interpolant; the energy integral_0^T C dT' adds the power law
 * C_0 (T/T_0)^n of the first segment below the first point. Temperatures
 * outside [T_first, T_last] are refused (FILMTHERM_STATUS_OUT_OF_DOMAIN), and
 * so is a film thickness other than the table's, when the table states one.
 * Plain C99.
 */
#ifndef TABLE_HEAT_CAPACITY_H
#define TABLE_HEAT_CAPACITY_H

#include <stddef.h>
#include <stdint.h>

#include "filmtherm/plugin.h"

/* One embedded table, as embed_tables.cmake writes it. Static data. */
typedef struct heat_capacity_table {
  const char* model_name;  /* e.g. "nbtin-6nm-table" */
  const char* source_file; /* the CSV's file name, for error messages */
  double film_thickness_m; /* the film the data belong to; NaN: the table does not say */
  size_t count;
  const double* temperature_K;        /* strictly increasing, > 0 */
  const double* heat_capacity_J_m3_K; /* C_ph at each temperature, > 0 */
} heat_capacity_table;

/* create for a table model: checks the table (count >= 2, increasing
 * positive temperatures, positive values, a first segment that rises) and
 * builds an immutable instance. The model takes no parameters. */
int32_t table_create(const heat_capacity_table* table, const double* parameter_values,
                     size_t parameter_count, void** instance, char* error, size_t error_size);

/* destroy for every table model (NULL allowed). */
void table_destroy(void* instance);

/* evaluate for every table model: value, and value_slope and energy_density
 * when the host asks for them. Thread safe: the instance is never written. */
int32_t table_evaluate(const void* instance, const filmtherm_evaluation* evaluation, char* error,
                       size_t error_size);

#endif
