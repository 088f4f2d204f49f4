// Running a device: the options, the run (the same engine as `filmtherm
// run`, without files or plots), and what a host reads back: the summary
// JSON and the trace columns, named as the CLI's trace CSV header names them.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <span>
#include <string_view>

#include "api_error.h"
#include "filmtherm/device_run.h"
#include "filmtherm/input_limits.h"
#include "handles.h"
#include "run_options.h"

using filmtherm::api::ApiError;
using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;
using filmtherm::api::write_string;

struct filmtherm_run {
  std::shared_ptr<filmtherm::api::ContextCore> core;
  filmtherm::DeviceRunOutcome outcome;
  std::string summary_json;  ///< made once: it is what a host asks for first
  bool wire = false;
};

namespace {

template <class Sample>
struct Column {
  std::string_view name;
  double Sample::*member;
};

// The columns of trace_csv (output/cooling_outputs.h), in its order.
constexpr std::array<Column<filmtherm::CoolingSample>, 9> lumped_columns{{
    {"t_s", &filmtherm::CoolingSample::time_s},
    {"T_e_K", &filmtherm::CoolingSample::electron_temperature_K},
    {"T_ph_K", &filmtherm::CoolingSample::phonon_temperature_K},
    {"P_ep_W_per_m3", &filmtherm::CoolingSample::electron_phonon_power_W_per_m3},
    {"P_esc_W_per_m3", &filmtherm::CoolingSample::escape_power_W_per_m3},
    {"E_absorbed_J", &filmtherm::CoolingSample::absorbed_energy_J},
    {"E_electrons_J", &filmtherm::CoolingSample::electron_energy_J},
    {"E_phonons_J", &filmtherm::CoolingSample::phonon_energy_J},
    {"E_escaped_J", &filmtherm::CoolingSample::escaped_energy_J},
}};

// The columns of wire_trace_csv (output/wire_outputs.h), in its order.
constexpr std::array<Column<filmtherm::WireSample>, 15> wire_columns{{
    {"t_s", &filmtherm::WireSample::time_s},
    {"I_A", &filmtherm::WireSample::current_A},
    {"V_out_V", &filmtherm::WireSample::output_voltage_V},
    {"V_C_V", &filmtherm::WireSample::capacitor_voltage_V},
    {"R_hs_Ohm", &filmtherm::WireSample::hotspot_resistance_Ohm},
    {"hotspot_length_m", &filmtherm::WireSample::hotspot_length_m},
    {"T_max_K", &filmtherm::WireSample::hottest_K},
    {"T_ph_max_K", &filmtherm::WireSample::hottest_phonon_K},
    {"E_absorbed_J", &filmtherm::WireSample::absorbed_energy_J},
    {"E_stored_J", &filmtherm::WireSample::stored_energy_J},
    {"E_joule_J", &filmtherm::WireSample::joule_energy_J},
    {"E_escaped_J", &filmtherm::WireSample::escaped_energy_J},
    {"E_ends_J", &filmtherm::WireSample::end_energy_J},
    {"E_load_J", &filmtherm::WireSample::load_energy_J},
    {"W_source_J", &filmtherm::WireSample::source_work_J},
}};

std::size_t variant_count(const filmtherm_run& run) {
  return run.wire ? run.outcome.wire_runs.size() : run.outcome.lumped_runs.size();
}

void check_variant(const filmtherm_run& run, std::size_t variant) {
  if (variant >= variant_count(run)) {
    throw ApiError(FILMTHERM_E_NOT_FOUND,
                   fmt::format("no variant #{}: the run has {}", variant, variant_count(run)));
  }
}

std::string column_names(std::span<const std::string_view> names) {
  std::string text;
  for (const std::string_view name : names)
    text += fmt::format("{}{}", text.empty() ? "" : ", ", name);
  return text;
}

// Copies one column of `trace` into `out` after checking name and size.
template <class Sample, std::size_t N>
void copy_column(const std::vector<Sample>& trace, const std::array<Column<Sample>, N>& columns,
                 const char* name, double* out, std::size_t size) {
  for (const Column<Sample>& column : columns) {
    if (column.name != name) continue;
    if (size < trace.size()) {
      throw ApiError(
          FILMTHERM_E_BUFFER_TOO_SMALL,
          fmt::format("column '{}' has {} rows, the buffer holds {}", name, trace.size(), size));
    }
    for (std::size_t i = 0; i < trace.size(); ++i) out[i] = trace[i].*column.member;
    return;
  }
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i) names[i] = columns[i].name;
  throw ApiError(FILMTHERM_E_NOT_FOUND,
                 fmt::format("no trace column '{}'; the columns: {}", name, column_names(names)));
}

}  // namespace

namespace filmtherm::api {

filmtherm_run_options known_run_options(const filmtherm_run_options* given) {
  filmtherm_run_options o{};
  o.struct_size = sizeof(o);
  if (given == nullptr) return o;
  // Minor version 2's struct ends where wire_model begins.
  constexpr std::size_t oldest = offsetof(filmtherm_run_options, wire_model);
  if (given->struct_size < oldest) {
    throw ApiError(FILMTHERM_E_INVALID_ARGUMENT,
                   fmt::format("options->struct_size is {}, expected at least {} (call "
                               "filmtherm_run_options_init)",
                               given->struct_size, oldest));
  }
  // Read no byte beyond the host's struct.
  std::memcpy(&o, given, std::min(given->struct_size, sizeof(o)));
  o.struct_size = sizeof(o);
  return o;
}

filmtherm_wire_model wire_model_of(const filmtherm_run_options& o) {
  if (o.wire_model != FILMTHERM_WIRE_MODEL_1D &&
      o.wire_model != FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT) {
    throw ApiError(FILMTHERM_E_INVALID_ARGUMENT,
                   fmt::format("options->wire_model = {} is not FILMTHERM_WIRE_MODEL_1D (0) or "
                               "FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT (1)",
                               o.wire_model));
  }
  return static_cast<filmtherm_wire_model>(o.wire_model);
}

filmtherm::DeviceRunOptions run_options_from(const filmtherm_run_options& o) {
  filmtherm::DeviceRunOptions options;
  if (o.compare_phonon_count > 0) require(o.compare_phonons, "options->compare_phonons");
  for (std::size_t i = 0; i < o.compare_phonon_count; ++i) {
    if (o.compare_phonons[i] == nullptr) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT,
                     fmt::format("options->compare_phonons[{}] is NULL", i));
    }
    options.compare_phonons.emplace_back(o.compare_phonons[i]);
  }
  // Each field left at its default keeps the device's `wire:` value.
  filmtherm::WireSettings& wire = options.wire;
  const filmtherm::SourceMark host{"filmtherm_run_options", 0, 0};
  if (o.wire_cell_count != 0) {
    if (o.wire_cell_count < 3 ||
        o.wire_cell_count > static_cast<std::size_t>(filmtherm::limits::max_wire_cells)) {
      throw ApiError(
          FILMTHERM_E_INVALID_ARGUMENT,
          fmt::format("options->wire_cell_count is {}: from 3 to {} cells ({})", o.wire_cell_count,
                      filmtherm::limits::max_wire_cells, filmtherm::limits::wire_cells_reason));
    }
    wire.cells = filmtherm::Sourced<int>{static_cast<int>(o.wire_cell_count), host, {}};
  }
  // The words of the device file's keys, for the solver's one parser.
  auto choice = [&](const char* field, int value,
                    std::span<const std::pair<int, const char*>> words,
                    std::optional<filmtherm::Sourced<std::string>>& setting) {
    if (value == FILMTHERM_WIRE_DEFAULT) return;
    for (const auto& [code, word] : words) {
      if (value == code) {
        setting = filmtherm::Sourced<std::string>{word, host, {}};
        return;
      }
    }
    throw ApiError(
        FILMTHERM_E_INVALID_ARGUMENT,
        fmt::format("options->{} = {} is not one of its FILMTHERM_WIRE_* choices", field, value));
  };
  using Words = std::pair<int, const char*>;
  constexpr std::array<Words, 2> forms{
      {{FILMTHERM_WIRE_ONE_TEMPERATURE, "one"}, {FILMTHERM_WIRE_TWO_TEMPERATURE, "two"}}};
  constexpr std::array<Words, 3> switches{{{FILMTHERM_WIRE_ROOT_FINDING, "root-finding"},
                                           {FILMTHERM_WIRE_SMOOTHED, "smoothed"},
                                           {FILMTHERM_WIRE_FRONT, "front"}}};
  constexpr std::array<Words, 2> escapes{
      {{FILMTHERM_WIRE_MODEL_POWER, "model-power"}, {FILMTHERM_WIRE_LINEARISED, "linearised"}}};
  choice("wire_form", o.wire_form, forms, wire.temperatures);
  choice("wire_switch", o.wire_switch, switches, wire.resistive_switch);
  choice("wire_escape", o.wire_escape, escapes, wire.escape);
  if (o.wire_switch_width_K != 0.0) {
    if (!(std::isfinite(o.wire_switch_width_K) && o.wire_switch_width_K > 0.0)) {
      throw ApiError(FILMTHERM_E_OUT_OF_DOMAIN,
                     fmt::format("options->wire_switch_width_K = {} must be a positive temperature",
                                 o.wire_switch_width_K));
    }
    wire.switch_width = filmtherm::Sourced<std::optional<filmtherm::Temperature>>{
        filmtherm::from_si<filmtherm::Temperature>(o.wire_switch_width_K), host, {}};
  }
  if (o.wire_stop_at_recovery != 0) {
    wire.stop_at_recovery = filmtherm::Sourced<bool>{o.wire_stop_at_recovery > 0, host, {}};
  }
  return options;
}

}  // namespace filmtherm::api

extern "C" {

int filmtherm_run_options_init(filmtherm_run_options* options) {
  return guarded(__func__, nullptr, [&] {
    require(options, "options");
    std::memset(options, 0, sizeof(*options));
    options->struct_size = sizeof(*options);
  });
}

int filmtherm_device_run(const filmtherm_device* device, const filmtherm_run_options* options,
                         filmtherm_run** run) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    require(run, "run");
    *run = nullptr;
    const filmtherm_run_options known = filmtherm::api::known_run_options(options);
    if (filmtherm::api::wire_model_of(known) != FILMTHERM_WIRE_MODEL_1D) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT,
                     "options->wire_model: the lumped hotspot is a driven wire only "
                     "(filmtherm_wire_create); filmtherm_device_run runs the device's own model");
    }
    const filmtherm::DeviceRunOptions converted = filmtherm::api::run_options_from(known);
    auto handle = std::make_unique<filmtherm_run>();
    handle->core = device->core;
    {
      const std::shared_lock lock(device->core->registry_mutex);
      handle->outcome =
          filmtherm::run_device_model(device->device, device->core->registry, converted);
    }
    handle->wire = handle->outcome.model == filmtherm::DeviceModelKind::electrothermal_wire;
    handle->summary_json = filmtherm::device_summary_json(device->device, handle->outcome);
    *run = handle.release();
  });
}

void filmtherm_run_destroy(filmtherm_run* run) {
  delete run;
}

int filmtherm_run_summary_json(const filmtherm_run* run, char* json, size_t json_size,
                               size_t* json_length) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    write_string(run->summary_json, json, json_size, json_length, "the summary");
  });
}

int filmtherm_run_variant_count(const filmtherm_run* run, size_t* count) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    require(count, "count");
    *count = variant_count(*run);
  });
}

int filmtherm_run_variant_name(const filmtherm_run* run, size_t variant, char* name,
                               size_t name_size, size_t* name_length) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    check_variant(*run, variant);
    const std::string& model = run->wire ? run->outcome.wire_runs[variant].result.phonon_model
                                         : run->outcome.lumped_runs[variant].result.phonon_model;
    write_string(model, name, name_size, name_length, "the variant name");
  });
}

int filmtherm_run_trace_length(const filmtherm_run* run, size_t variant, size_t* rows) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    require(rows, "rows");
    check_variant(*run, variant);
    *rows = run->wire ? run->outcome.wire_runs[variant].result.trace.size()
                      : run->outcome.lumped_runs[variant].result.trace.size();
  });
}

int filmtherm_run_trace_column_count(const filmtherm_run* run, size_t* count) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    require(count, "count");
    *count = run->wire ? wire_columns.size() : lumped_columns.size();
  });
}

int filmtherm_run_trace_column_name(const filmtherm_run* run, size_t index, char* name,
                                    size_t name_size, size_t* name_length) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    const std::size_t count = run->wire ? wire_columns.size() : lumped_columns.size();
    if (index >= count) {
      throw ApiError(FILMTHERM_E_NOT_FOUND,
                     fmt::format("no trace column #{}: the trace has {}", index, count));
    }
    const std::string_view column =
        run->wire ? wire_columns[index].name : lumped_columns[index].name;
    write_string(std::string(column), name, name_size, name_length, "the column name");
  });
}

int filmtherm_run_trace_column(const filmtherm_run* run, size_t variant, const char* column,
                               double* out, size_t size) {
  return guarded(__func__, log_of(run), [&] {
    require(run, "run");
    require(column, "column");
    require(out, "out");
    check_variant(*run, variant);
    if (run->wire) {
      copy_column(run->outcome.wire_runs[variant].result.trace, wire_columns, column, out, size);
    } else {
      copy_column(run->outcome.lumped_runs[variant].result.trace, lumped_columns, column, out,
                  size);
    }
  });
}

}  // extern "C"
