#include "table_heat_capacity.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* A created model: the table in log-log form with its tangents, and the
 * energy integral_0^T_k C dT' at every point, so evaluate never allocates. */
typedef struct table_instance {
  const heat_capacity_table* table;
  double low_temperature_exponent; /* n of C_0 (T/T_0)^n below the first point */
  double* log_temperature;         /* x_k = ln T_k */
  double* log_heat_capacity;       /* y_k = ln C_k */
  double* log_slope;               /* dy/dx at x_k (Steffen tangents) */
  double* energy_density_J_m3;     /* integral_0^T_k C dT' */
  double data[];                   /* storage for the four arrays */
} table_instance;

/* 8-point Gauss-Legendre on [-1, 1], nodes +-x_j with weights w_j. */
static const double gauss_nodes[4] = {0.1834346424956498049395, 0.5255324099163289858177,
                                      0.7966664774136267395916, 0.9602898564975362316836};
static const double gauss_weights[4] = {0.3626837833783619829652, 0.3137066458778872873380,
                                        0.2223810344533744705444, 0.1012285362903762591525};
/* exp(y + x) is smooth on a segment; panels of at most 0.5 in ln T keep the
 * 8-point rule at double precision for exponents up to ~10. */
static const double max_panel_log_width = 0.5;
/* The end of the last evaluation field read here (ABI 1.0 layout): a host
 * built for a later minor version passes a larger struct, which is fine. */
static const size_t evaluation_size_needed =
    offsetof(filmtherm_evaluation, energy_density) + sizeof(double*);
/* "6nm" parses to 6e-9 m up to rounding; a real mismatch is far larger. */
static const double thickness_relative_tolerance = 1e-6;

static void write_error(char* error, size_t error_size, const char* format, ...) {
  va_list arguments;
  if (error == NULL || error_size == 0) return;
  va_start(arguments, format);
  vsnprintf(error, error_size, format, arguments);
  va_end(arguments);
}

static double sign_of(double value) {
  return (double)((value > 0.0) - (value < 0.0));
}

/* Steffen's one-sided end tangent (his Eqs. 26-27). */
static double end_tangent(double secant_near, double secant_far, double width_near,
                          double width_far) {
  const double weight = width_near / (width_near + width_far);
  const double parabola = secant_near * (1.0 + weight) - secant_far * weight;
  if (parabola * secant_near <= 0.0) return 0.0;
  if (fabs(parabola) > 2.0 * fabs(secant_near)) return 2.0 * secant_near;
  return parabola;
}

/* Steffen's tangents (his Eq. 11): monotone on every interval, exact for a
 * straight line, hence for a power law in log-log. */
static void steffen_tangents(const double* x, const double* y, size_t n, double* tangent) {
  size_t i;
  if (n == 2) {
    tangent[0] = tangent[1] = (y[1] - y[0]) / (x[1] - x[0]);
    return;
  }
  for (i = 1; i + 1 < n; ++i) {
    const double width_before = x[i] - x[i - 1];
    const double width_after = x[i + 1] - x[i];
    const double secant_before = (y[i] - y[i - 1]) / width_before;
    const double secant_after = (y[i + 1] - y[i]) / width_after;
    const double parabola =
        (secant_before * width_after + secant_after * width_before) / (width_before + width_after);
    tangent[i] = (sign_of(secant_before) + sign_of(secant_after)) *
                 fmin(fmin(fabs(secant_before), fabs(secant_after)), 0.5 * fabs(parabola));
  }
  tangent[0] = end_tangent((y[1] - y[0]) / (x[1] - x[0]), (y[2] - y[1]) / (x[2] - x[1]),
                           x[1] - x[0], x[2] - x[1]);
  tangent[n - 1] = end_tangent((y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]),
                               (y[n - 2] - y[n - 3]) / (x[n - 2] - x[n - 3]), x[n - 1] - x[n - 2],
                               x[n - 2] - x[n - 3]);
}

/* ln C on segment k at x = ln T (cubic Hermite), and d ln C / d ln T. */
static double log_heat_capacity_at(const table_instance* self, size_t k, double x,
                                   double* log_slope) {
  const double width = self->log_temperature[k + 1] - self->log_temperature[k];
  const double s = (x - self->log_temperature[k]) / width;
  const double y0 = self->log_heat_capacity[k];
  const double y1 = self->log_heat_capacity[k + 1];
  const double m0 = self->log_slope[k] * width;
  const double m1 = self->log_slope[k + 1] * width;
  const double r = 1.0 - s;
  if (log_slope != NULL) {
    *log_slope = (6.0 * s * r * (y1 - y0) + (1.0 - 4.0 * s + 3.0 * s * s) * m0 +
                  (3.0 * s * s - 2.0 * s) * m1) /
                 width;
  }
  return (1.0 + 2.0 * s) * r * r * y0 + s * r * r * m0 + s * s * (3.0 - 2.0 * s) * y1 -
         s * s * r * m1;
}

/* integral of C dT from e^from to e^to within segment k, as integral of
 * exp(y(x) + x) dx. */
static double segment_energy(const table_instance* self, size_t k, double from, double to) {
  const double span = to - from;
  const size_t panels = (size_t)ceil(span / max_panel_log_width);
  double sum = 0.0;
  size_t p;
  int j;
  if (!(span > 0.0)) return 0.0;
  for (p = 0; p < panels; ++p) {
    const double half = 0.5 * span / (double)panels;
    const double middle = from + (2.0 * (double)p + 1.0) * half;
    for (j = 0; j < 4; ++j) {
      const double left = middle - half * gauss_nodes[j];
      const double right = middle + half * gauss_nodes[j];
      sum += gauss_weights[j] * half *
             (exp(log_heat_capacity_at(self, k, left, NULL) + left) +
              exp(log_heat_capacity_at(self, k, right, NULL) + right));
    }
  }
  return sum;
}

static int32_t check_table(const heat_capacity_table* table, char* error, size_t error_size) {
  size_t i;
  if (table->count < 2) {
    write_error(error, error_size, "table '%s' (from %s) needs at least 2 points, has %lu",
                table->model_name, table->source_file, (unsigned long)table->count);
    return FILMTHERM_STATUS_INVALID_ARGUMENT;
  }
  for (i = 0; i < table->count; ++i) {
    const double t = table->temperature_K[i];
    const double c = table->heat_capacity_J_m3_K[i];
    if (!(t > 0.0) || !isfinite(t) || (i > 0 && !(t > table->temperature_K[i - 1]))) {
      write_error(error, error_size,
                  "table '%s' (from %s), point %lu: temperatures must be positive and strictly "
                  "increasing, got %g K",
                  table->model_name, table->source_file, (unsigned long)i + 1, t);
      return FILMTHERM_STATUS_INVALID_ARGUMENT;
    }
    if (!(c > 0.0) || !isfinite(c)) {
      write_error(error, error_size,
                  "table '%s' (from %s), point %lu: heat capacity must be positive, got %g "
                  "J m^-3 K^-1 at %g K",
                  table->model_name, table->source_file, (unsigned long)i + 1, c, t);
      return FILMTHERM_STATUS_INVALID_ARGUMENT;
    }
  }
  return FILMTHERM_STATUS_OK;
}

int32_t table_create(const heat_capacity_table* table, const double* parameter_values,
                     size_t parameter_count, void** instance, char* error, size_t error_size) {
  table_instance* self;
  size_t n, k;
  int32_t status;
  (void)parameter_values;
  if (parameter_count != 0) {
    write_error(error, error_size, "table model '%s' takes no parameters, got %lu",
                table->model_name, (unsigned long)parameter_count);
    return FILMTHERM_STATUS_INVALID_ARGUMENT;
  }
  status = check_table(table, error, error_size);
  if (status != FILMTHERM_STATUS_OK) return status;

  n = table->count;
  self = (table_instance*)malloc(sizeof(table_instance) + 4 * n * sizeof(double));
  if (self == NULL) {
    write_error(error, error_size, "out of memory for table '%s'", table->model_name);
    return FILMTHERM_STATUS_INTERNAL_ERROR;
  }
  self->table = table;
  self->log_temperature = self->data;
  self->log_heat_capacity = self->data + n;
  self->log_slope = self->data + 2 * n;
  self->energy_density_J_m3 = self->data + 3 * n;
  for (k = 0; k < n; ++k) {
    self->log_temperature[k] = log(table->temperature_K[k]);
    self->log_heat_capacity[k] = log(table->heat_capacity_J_m3_K[k]);
  }
  steffen_tangents(self->log_temperature, self->log_heat_capacity, n, self->log_slope);

  /* Below T_0: C_0 (T/T_0)^n with n the first segment's exponent, whose
   * integral from 0 is C_0 T_0 / (n + 1). A phonon C vanishes at T = 0. */
  self->low_temperature_exponent = (self->log_heat_capacity[1] - self->log_heat_capacity[0]) /
                                   (self->log_temperature[1] - self->log_temperature[0]);
  if (!(self->low_temperature_exponent > 0.0)) {
    write_error(error, error_size,
                "table '%s' (from %s): C grows as T^%g between its first two points; a phonon "
                "heat capacity must fall towards T = 0, so the energy below %g K cannot be "
                "extrapolated",
                table->model_name, table->source_file, self->low_temperature_exponent,
                table->temperature_K[0]);
    free(self);
    return FILMTHERM_STATUS_OUT_OF_DOMAIN;
  }
  self->energy_density_J_m3[0] = table->heat_capacity_J_m3_K[0] * table->temperature_K[0] /
                                 (self->low_temperature_exponent + 1.0);
  for (k = 0; k + 1 < n; ++k) {
    self->energy_density_J_m3[k + 1] =
        self->energy_density_J_m3[k] +
        segment_energy(self, k, self->log_temperature[k], self->log_temperature[k + 1]);
  }
  *instance = self;
  return FILMTHERM_STATUS_OK;
}

void table_destroy(void* instance) {
  free(instance);
}

/* The segment k with T_k <= T <= T_k+1, for T inside the table. */
static size_t find_segment(const heat_capacity_table* table, double temperature_K) {
  size_t low = 0, high = table->count - 1;
  while (high - low > 1) {
    const size_t middle = low + (high - low) / 2;
    if (temperature_K < table->temperature_K[middle]) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return low;
}

int32_t table_evaluate(const void* instance, const filmtherm_evaluation* e, char* error,
                       size_t error_size) {
  const table_instance* self = (const table_instance*)instance;
  const heat_capacity_table* table;
  double first_K, last_K;
  size_t i;
  if (self == NULL || e == NULL || e->struct_size < evaluation_size_needed ||
      e->temperature_K == NULL || e->value == NULL) {
    write_error(error, error_size,
                "evaluate needs an instance, a filmtherm_evaluation of this ABI, and the "
                "temperature_K and value arrays");
    return FILMTHERM_STATUS_INVALID_ARGUMENT;
  }
  table = self->table;
  first_K = table->temperature_K[0];
  last_K = table->temperature_K[table->count - 1];
  for (i = 0; i < e->count; ++i) {
    const double temperature_K = e->temperature_K[i];
    double x, y, log_slope, heat_capacity;
    size_t k;
    if (!(temperature_K >= first_K && temperature_K <= last_K)) {
      write_error(error, error_size,
                  "T = %g K is outside the range of table '%s' (%g K to %g K, from %s); the "
                  "table model does not extrapolate",
                  temperature_K, table->model_name, first_K, last_K, table->source_file);
      return FILMTHERM_STATUS_OUT_OF_DOMAIN;
    }
    if (e->film_thickness_m != NULL && !isnan(table->film_thickness_m) &&
        !(fabs(e->film_thickness_m[i] - table->film_thickness_m) <=
          thickness_relative_tolerance * table->film_thickness_m)) {
      write_error(error, error_size,
                  "table '%s' holds data for a film of thickness %g m (from %s), but the film "
                  "is %g m thick; a measured table does not scale with thickness",
                  table->model_name, table->film_thickness_m, table->source_file,
                  e->film_thickness_m[i]);
      return FILMTHERM_STATUS_OUT_OF_DOMAIN;
    }
    k = find_segment(table, temperature_K);
    x = log(temperature_K);
    y = log_heat_capacity_at(self, k, x, &log_slope);
    heat_capacity = exp(y);
    e->value[i] = heat_capacity;
    if (e->value_slope != NULL) e->value_slope[i] = heat_capacity * log_slope / temperature_K;
    if (e->energy_density != NULL) {
      e->energy_density[i] =
          self->energy_density_J_m3[k] + segment_energy(self, k, self->log_temperature[k], x);
    }
  }
  return FILMTHERM_STATUS_OK;
}
