/*
 * The C host API's device functions, from C99:
 *   c_api_device_test <source dir> <filmtherm executable> <work dir>
 * loads devices with a unit error (file, line, column, key), a missing file,
 * and a solver that must fail (the time reached); runs
 * examples/devices/nbtin-6nm.yaml (film and Debye phonons) and
 * examples/devices/nbtin-wire.yaml (40 cells, two temperatures) and checks
 * that each summary JSON equals the CLI's summary.json line for line (except
 * the measured solve times) and that every trace column equals the CLI's
 * trace CSV column bit for bit; passes NULL for every pointer argument and
 * wrong sizes. Exit status: the number of failed checks.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "filmtherm/filmtherm.h"

#define MAX_ROWS 4096
#define LINE_SIZE 4096

static char source_dir[2048];

/* nbtin-6nm.yaml with a thickness in kelvin: line 6, the unit at column 16. */
static const char* unit_error_device =
    "name: bad-unit\n"
    "model: lumped-two-temperature\n"
    "imports: [../materials/nbtin.yaml]\n"
    "film:\n"
    "  material: NbTiN\n"
    "  thickness: 6 K\n"
    "  width: 100 nm\n"
    "  length: 100 um\n"
    "substrate:\n"
    "  temperature: 2 K\n"
    "  phonon_escape: {model: acoustic-mismatch, boundary_coefficient: 86.9 W/(m^2 K^4)}\n"
    "photon: {wavelength: 1550 nm, absorbed_fraction: 0.5, hotspot_length: 50 nm, arrival_time: "
    "10 ps}\n";

static void check_unit_error(filmtherm_context* context) {
  filmtherm_device* device = NULL;
  char name[4096], file[4096], key[64], tiny[4];
  int line = 0, column = 0;
  size_t length = 0;
  snprintf(name, sizeof name, "%s/examples/devices/bad-unit.yaml", source_dir);
  EXPECT_CODE(filmtherm_device_load_string(context, unit_error_device, name, &device),
              FILMTHERM_E_INPUT);
  CHECK(device == NULL);
  CHECK(strstr(filmtherm_context_errmsg(context), "thickness") != NULL);
  EXPECT_CODE_QUIET(
      filmtherm_context_error_location(context, &line, &column, file, sizeof file, &length),
      FILMTHERM_OK);
  CHECK(line == 6 && column == 16);
  CHECK(strcmp(file, name) == 0 && length == strlen(name));
  EXPECT_CODE_QUIET(filmtherm_context_error_location(context, NULL, NULL, NULL, 0, &length),
                    FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(length == strlen(name));
  EXPECT_CODE_QUIET(filmtherm_context_error_key(context, key, sizeof key, NULL), FILMTHERM_OK);
  CHECK(strcmp(key, "film.thickness") == 0);
  EXPECT_CODE_QUIET(filmtherm_context_error_key(context, tiny, sizeof tiny, &length),
                    FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(strcmp(tiny, "fil") == 0 && length == strlen("film.thickness"));

  EXPECT_CODE(filmtherm_device_load_string(context, unit_error_device, NULL, &device),
              FILMTHERM_E_INPUT);
  EXPECT_CODE_QUIET(
      filmtherm_context_error_location(context, &line, &column, file, sizeof file, NULL),
      FILMTHERM_OK);
  CHECK(strcmp(file, "<string>") == 0);

  EXPECT_CODE(filmtherm_device_load_file(context, "/nonexistent/device.yaml", &device),
              FILMTHERM_E_INPUT);
  CHECK(strstr(filmtherm_context_errmsg(context), "/nonexistent/device.yaml") != NULL);
  EXPECT_NULL_ARGUMENT(filmtherm_device_load_file(NULL, name, &device));
  EXPECT_NULL_ARGUMENT(filmtherm_device_load_file(context, NULL, &device));
  EXPECT_NULL_ARGUMENT(filmtherm_device_load_file(context, name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_load_string(NULL, unit_error_device, NULL, &device));
  EXPECT_NULL_ARGUMENT(filmtherm_device_load_string(context, NULL, NULL, &device));
  EXPECT_NULL_ARGUMENT(filmtherm_device_load_string(context, unit_error_device, NULL, NULL));
}

/* A run that CVODE cannot finish in 5 steps. */
static void check_solver_error(filmtherm_context* context) {
  static const char* text =
      "name: five-steps\n"
      "model: lumped-two-temperature\n"
      "imports: [../materials/nbtin.yaml]\n"
      "film: {material: NbTiN, thickness: 6 nm, width: 100 nm, length: 100 um}\n"
      "substrate:\n"
      "  temperature: 2 K\n"
      "  phonon_escape: {model: acoustic-mismatch, boundary_coefficient: 86.9 W/(m^2 K^4)}\n"
      "photon: {wavelength: 1550 nm, absorbed_fraction: 0.5, hotspot_length: 50 nm, "
      "arrival_time: 10 ps}\n"
      "solver: {end_time: 10 ns, max_steps: 5}\n";
  filmtherm_device* device = NULL;
  filmtherm_run* run = NULL;
  char name[4096];
  double time_s = -1;
  snprintf(name, sizeof name, "%s/examples/devices/five-steps.yaml", source_dir);
  EXPECT_OK(filmtherm_device_load_string(context, text, name, &device));
  EXPECT_CODE(filmtherm_device_run(device, NULL, &run), FILMTHERM_E_SOLVER);
  CHECK(run == NULL);
  EXPECT_CODE_QUIET(filmtherm_context_error_time(context, &time_s), FILMTHERM_OK);
  CHECK(time_s >= 0.0 && time_s < 10e-9);
  filmtherm_device_destroy(device);
}

static void check_device_accessors(const filmtherm_device* device) {
  const filmtherm_material* material = NULL;
  const filmtherm_model_handle* escape = NULL;
  const filmtherm_model_handle* phonon = NULL;
  char name[64];
  double d = 0, tb = 0, t = 3.0, c = 0, dc = 0, p = 0;
  EXPECT_OK(filmtherm_device_name(device, name, sizeof name, NULL));
  CHECK(strcmp(name, "nbtin-6nm") == 0);
  EXPECT_OK(filmtherm_device_film_thickness(device, &d));
  CHECK_CLOSE(d, 6e-9, 1e-15);
  EXPECT_OK(filmtherm_device_bath_temperature(device, &tb));
  CHECK(tb == 2.0);
  EXPECT_OK(filmtherm_device_material(device, &material));
  EXPECT_OK(filmtherm_material_name(material, name, sizeof name, NULL));
  CHECK(strcmp(name, "NbTiN") == 0);
  EXPECT_OK(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonon));
  EXPECT_OK(filmtherm_device_escape_model(device, &escape));
  EXPECT_OK(filmtherm_model_name(escape, name, sizeof name, NULL));
  CHECK(strcmp(name, "acoustic-mismatch") == 0);
  EXPECT_OK(filmtherm_phonon_heat_capacity(phonon, 1, &t, &d, &c, &dc, NULL));
  EXPECT_OK(filmtherm_phonon_escape_power(escape, 1, &t, &tb, &d, &c, &dc, &p, NULL, NULL));
  CHECK_CLOSE(p, 86.9 / 6e-9 * (81.0 - 16.0), 1e-12);
  /* Borrowed: destroying them does nothing. */
  filmtherm_material_destroy((filmtherm_material*)material);
  filmtherm_model_destroy((filmtherm_model_handle*)escape);
  EXPECT_OK(filmtherm_model_name(escape, name, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_name(NULL, name, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_name(device, NULL, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_film_thickness(NULL, &d));
  EXPECT_NULL_ARGUMENT(filmtherm_device_film_thickness(device, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_bath_temperature(NULL, &tb));
  EXPECT_NULL_ARGUMENT(filmtherm_device_bath_temperature(device, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_material(NULL, &material));
  EXPECT_NULL_ARGUMENT(filmtherm_device_material(device, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_device_escape_model(NULL, &escape));
  EXPECT_NULL_ARGUMENT(filmtherm_device_escape_model(device, NULL));
}

/* Reads a whole file; NULL when it cannot. The caller frees. */
static char* read_file(const char* path) {
  FILE* file = fopen(path, "rb");
  char* text;
  long size;
  if (file == NULL) return NULL;
  fseek(file, 0, SEEK_END);
  size = ftell(file);
  fseek(file, 0, SEEK_SET);
  text = size < 0 ? NULL : malloc((size_t)size + 1);
  if (text != NULL) {
    text[fread(text, 1, (size_t)size, file)] = '\0';
  }
  fclose(file);
  return text;
}

/* Whether the line [line, line + length) states a measured time, which
 * differs from run to run. */
static int is_timing(const char* line, size_t length) {
  static const char* const keys[] = {"\"solve_wall_time_s\"", "\"solve_cpu_time_s\""};
  size_t k;
  for (k = 0; k < sizeof keys / sizeof keys[0]; ++k) {
    const char* found = strstr(line, keys[k]);
    if (found != NULL && found < line + length) return 1;
  }
  return 0;
}

/* Every line of a and b equal, except the timings. */
static int same_lines_but_timings(const char* a, const char* b) {
  while (*a != '\0' || *b != '\0') {
    const char* a_end = strchr(a, '\n');
    const char* b_end = strchr(b, '\n');
    size_t a_length = a_end ? (size_t)(a_end - a) : strlen(a);
    size_t b_length = b_end ? (size_t)(b_end - b) : strlen(b);
    if (!is_timing(a, a_length) && (a_length != b_length || strncmp(a, b, a_length) != 0)) {
      fprintf(stderr, "  API: %.*s\n  CLI: %.*s\n", (int)a_length, a, (int)b_length, b);
      return 0;
    }
    a += a_length + (a_end != NULL);
    b += b_length + (b_end != NULL);
  }
  return 1;
}

/* The CSV's field `column` (0-based) of each data row, compared with the
 * API's value of that row and column. */
static void check_trace_against_csv(const filmtherm_run* run, size_t variant,
                                    const char* csv_path) {
  static double values[MAX_ROWS];
  char line[LINE_SIZE], name[64], header[LINE_SIZE] = "";
  char* end = NULL;
  double parsed = 0.0;
  size_t rows = 0, column_count = 0, column, row;
  FILE* csv;
  EXPECT_OK(filmtherm_run_trace_length(run, variant, &rows));
  EXPECT_OK(filmtherm_run_trace_column_count(run, &column_count));
  CHECK(rows > 10 && rows <= MAX_ROWS);
  if (rows == 0 || rows > MAX_ROWS) return;
  for (column = 0; column < column_count; ++column) {
    EXPECT_OK(filmtherm_run_trace_column_name(run, column, name, sizeof name, NULL));
    EXPECT_OK(filmtherm_run_trace_column(run, variant, name, values, MAX_ROWS));
    csv = fopen(csv_path, "r");
    CHECK(csv != NULL);
    if (csv == NULL) return;
    row = 0;
    while (fgets(line, sizeof line, csv) != NULL) {
      char* field = line;
      size_t i;
      if (line[0] == '#') continue;
      if (line[0] == 't') { /* the header names the columns in our order */
        if (column == 0) snprintf(header, sizeof header, "%s", line);
        continue;
      }
      for (i = 0; i < column && field != NULL; ++i) {
        field = strchr(field, ',');
        if (field != NULL) ++field;
      }
      CHECK(field != NULL && row < rows);
      if (field == NULL || row >= rows) break;
      field[strcspn(field, ",\n")] = '\0';
      /* The CSV prints every value with round-trip precision: read back,
       * it is the double the API gives, bit for bit. */
      parsed = strtod(field, &end);
      if (end == field || memcmp(&parsed, &values[row], sizeof parsed) != 0) {
        fprintf(stderr, "%s row %lu column %s: API %.17g, CLI %s\n", csv_path, (unsigned long)row,
                name, values[row], field);
        ++check_failures;
        break;
      }
      ++row;
    }
    fclose(csv);
    CHECK(row == rows);
    /* The column's name stands at its place in the CSV header. */
    {
      char* cursor = header;
      size_t i;
      for (i = 0; i < column && cursor != NULL; ++i) {
        cursor = strchr(cursor, ',');
        if (cursor != NULL) ++cursor;
      }
      CHECK(cursor != NULL && strncmp(cursor, name, strlen(name)) == 0 &&
            (cursor[strlen(name)] == ',' || cursor[strlen(name)] == '\n'));
    }
  }
}

/* Runs `filmtherm run DEVICE --no-plot EXTRA` into work/<folder> and compares
 * its summary.json and trace CSVs with the API's run. */
static void compare_with_cli(const filmtherm_run* run, const char* filmtherm_exe,
                             const char* device_path, const char* extra, const char* work,
                             const char* folder) {
  char command[12288], path[4096], name[64];
  char* json = NULL;
  char* cli_json = NULL;
  size_t length = 0, count = 0, variant;
  snprintf(command, sizeof command,
           "'%s' run '%s' --no-plot %s --output '%s/%s' > '%s/%s.log' 2>&1", filmtherm_exe,
           device_path, extra, work, folder, work, folder);
  CHECK(system(command) == 0);
  EXPECT_CODE(filmtherm_run_summary_json(run, NULL, 0, &length), FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(length > 100);
  json = malloc(length + 1);
  CHECK(json != NULL);
  if (json == NULL) return;
  EXPECT_OK(filmtherm_run_summary_json(run, json, length + 1, NULL));
  CHECK(strlen(json) == length);
  snprintf(path, sizeof path, "%s/%s/summary.json", work, folder);
  cli_json = read_file(path);
  CHECK(cli_json != NULL);
  if (cli_json != NULL) CHECK(same_lines_but_timings(json, cli_json));
  EXPECT_OK(filmtherm_run_variant_count(run, &count));
  for (variant = 0; variant < count; ++variant) {
    EXPECT_OK(filmtherm_run_variant_name(run, variant, name, sizeof name, NULL));
    snprintf(path, sizeof path, "%s/%s/trace-%s.csv", work, folder, name);
    check_trace_against_csv(run, variant, path);
  }
  free(json);
  free(cli_json);
}

/* The electrothermal wire with 40 cells and the two-temperature form. */
static void check_wire_run(filmtherm_context* context, const char* filmtherm_exe,
                           const char* work) {
  filmtherm_device* device = NULL;
  filmtherm_run* run = NULL;
  filmtherm_run_options options;
  char path[4096], name[64];
  size_t count = 0;
  snprintf(path, sizeof path, "%s/examples/devices/nbtin-wire.yaml", source_dir);
  EXPECT_OK(filmtherm_device_load_file(context, path, &device));
  EXPECT_OK(filmtherm_run_options_init(&options));
  options.wire_cell_count = 40;
  options.wire_form = FILMTHERM_WIRE_TWO_TEMPERATURE;
  EXPECT_OK(filmtherm_device_run(device, &options, &run));
  filmtherm_device_destroy(device);
  if (run == NULL) return;
  EXPECT_OK(filmtherm_run_trace_column_count(run, &count));
  CHECK(count == 15);
  EXPECT_OK(filmtherm_run_trace_column_name(run, 1, name, sizeof name, NULL));
  CHECK(strcmp(name, "I_A") == 0);
  compare_with_cli(run, filmtherm_exe, path, "--cells 40 --temperatures two", work, "cli-wire");
  filmtherm_run_destroy(run);
}

static void check_run(filmtherm_context* context, const char* filmtherm_exe, const char* work) {
  filmtherm_device* device = NULL;
  filmtherm_run* run = NULL;
  filmtherm_run_options options;
  char path[4096], name[64];
  char* json = NULL;
  size_t length = 0, count = 0, rows = 0;
  double few[4];
  const char* debye_only[] = {"debye"};
  const char* unknown[] = {"debyye"};

  snprintf(path, sizeof path, "%s/examples/devices/nbtin-6nm.yaml", source_dir);
  EXPECT_OK(filmtherm_device_load_file(context, path, &device));
  if (device == NULL) return;
  check_device_accessors(device);

  EXPECT_OK(filmtherm_run_options_init(&options));
  CHECK(options.struct_size == sizeof options && options.wire_cell_count == 0);
  options.compare_phonons = unknown;
  options.compare_phonon_count = 1;
  EXPECT_CODE(filmtherm_device_run(device, &options, &run), FILMTHERM_E_INVALID_ARGUMENT);
  CHECK(strstr(filmtherm_context_errmsg(context), "debye") != NULL);
  options.compare_phonons = NULL;
  EXPECT_NULL_ARGUMENT(filmtherm_device_run(device, &options, &run));
  options.compare_phonon_count = 0;
  options.wire_cell_count = 2;
  EXPECT_CODE(filmtherm_device_run(device, &options, &run), FILMTHERM_E_INVALID_ARGUMENT);
  options.wire_cell_count = 0;
  options.wire_form = 17;
  EXPECT_CODE(filmtherm_device_run(device, &options, &run), FILMTHERM_E_INVALID_ARGUMENT);
  options.wire_form = FILMTHERM_WIRE_DEFAULT;
  options.struct_size = 4;
  EXPECT_CODE(filmtherm_device_run(device, &options, &run), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_NULL_ARGUMENT(filmtherm_device_run(NULL, NULL, &run));
  EXPECT_NULL_ARGUMENT(filmtherm_device_run(device, NULL, NULL));

  /* One variant, chosen by the options. */
  EXPECT_OK(filmtherm_run_options_init(&options));
  options.compare_phonons = debye_only;
  options.compare_phonon_count = 1;
  EXPECT_OK(filmtherm_device_run(device, &options, &run));
  EXPECT_OK(filmtherm_run_variant_count(run, &count));
  CHECK(count == 1);
  EXPECT_OK(filmtherm_run_variant_name(run, 0, name, sizeof name, NULL));
  CHECK(strcmp(name, "debye") == 0);
  filmtherm_run_destroy(run);
  run = NULL;

  /* The device's own comparison, film and Debye, against the CLI. */
  EXPECT_OK(filmtherm_device_run(device, NULL, &run));
  filmtherm_device_destroy(device); /* a run outlives its device */
  if (run == NULL) return;
  EXPECT_OK(filmtherm_run_variant_count(run, &count));
  CHECK(count == 2);
  EXPECT_CODE(filmtherm_run_summary_json(run, NULL, 0, &length), FILMTHERM_E_BUFFER_TOO_SMALL);
  json = malloc(length + 1);
  CHECK(json != NULL);
  if (json == NULL) return;
  EXPECT_OK(filmtherm_run_summary_json(run, json, length + 1, NULL));
  CHECK(strstr(json, "\"electrons\"") != NULL && strstr(json, "\"peak_K\"") != NULL);
  compare_with_cli(run, filmtherm_exe, path, "", work, "cli");

  /* Wrong sizes, names, indices and NULLs. */
  EXPECT_OK(filmtherm_run_trace_length(run, 0, &rows));
  EXPECT_CODE(filmtherm_run_trace_column(run, 0, "T_e_K", few, 0), FILMTHERM_E_BUFFER_TOO_SMALL);
  EXPECT_CODE(filmtherm_run_trace_column(run, 0, "T_e_K", few, 4), FILMTHERM_E_BUFFER_TOO_SMALL);
  EXPECT_CODE(filmtherm_run_trace_column(run, 0, "T_e", few, 4), FILMTHERM_E_NOT_FOUND);
  CHECK(strstr(filmtherm_last_error(), "T_e_K") != NULL);
  EXPECT_CODE(filmtherm_run_trace_column(run, 2, "T_e_K", few, 4), FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE(filmtherm_run_trace_length(run, 2, &rows), FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE(filmtherm_run_variant_name(run, 2, name, sizeof name, NULL), FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE(filmtherm_run_trace_column_name(run, 9, name, sizeof name, NULL),
              FILMTHERM_E_NOT_FOUND);
  EXPECT_CODE(filmtherm_run_summary_json(run, json, 10, NULL), FILMTHERM_E_BUFFER_TOO_SMALL);
  CHECK(strlen(json) == 9);
  EXPECT_NULL_ARGUMENT(filmtherm_run_summary_json(NULL, json, length + 1, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_summary_json(run, NULL, length + 1, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_variant_count(NULL, &count));
  EXPECT_NULL_ARGUMENT(filmtherm_run_variant_count(run, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_variant_name(NULL, 0, name, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_variant_name(run, 0, NULL, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_length(NULL, 0, &rows));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_length(run, 0, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column_count(NULL, &count));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column_count(run, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column_name(NULL, 0, name, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column_name(run, 0, NULL, sizeof name, NULL));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column(NULL, 0, "T_e_K", few, 4));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column(run, 0, NULL, few, 4));
  EXPECT_NULL_ARGUMENT(filmtherm_run_trace_column(run, 0, "T_e_K", NULL, 4));
  free(json);
  filmtherm_run_destroy(run);
  filmtherm_run_destroy(NULL);
  filmtherm_device_destroy(NULL);
}

int main(int argc, char** argv) {
  filmtherm_context* context = NULL;
  if (argc != 4) {
    fprintf(stderr, "usage: %s <source dir> <filmtherm executable> <work dir>\n", argv[0]);
    return 2;
  }
  snprintf(source_dir, sizeof source_dir, "%s", argv[1]);
  EXPECT_OK(filmtherm_context_create(&context));
  if (context == NULL) return 1;
  check_unit_error(context);
  check_solver_error(context);
  check_run(context, argv[2], argv[3]);
  check_wire_run(context, argv[2], argv[3]);
  /* Children keep what they need: the context may go first. */
  filmtherm_context_destroy(context);
  if (check_failures == 0) printf("c_api_device_test: all checks passed\n");
  return check_failures;
}
