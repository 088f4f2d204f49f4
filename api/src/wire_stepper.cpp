// A wire stepped by a host that computes its current (filmtherm_wire_*): the
// C face of DrivenWire (solver/include/filmtherm/driven_wire.h) and of
// LumpedHotspotWire (lumped_hotspot.h), for a circuit simulator holding the
// readout (hosts/spice). A handle holds one of the two; each function asks
// which.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <shared_mutex>

#include "api_error.h"
#include "filmtherm/driven_wire.h"
#include "filmtherm/lumped_hotspot.h"
#include "filmtherm/wire_run_options.h"
#include "handles.h"
#include "run_options.h"

using filmtherm::api::ApiError;
using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;

struct filmtherm_wire {
  std::shared_ptr<filmtherm::api::ContextCore> core;
  /// The wire's materials are created from this copy and live with the wire.
  filmtherm::Device device;
  std::unique_ptr<filmtherm::DrivenWire> wire;           ///< the 1D wire, or
  std::unique_ptr<filmtherm::LumpedHotspotWire> lumped;  ///< the lumped hotspot
};

extern "C" {

int filmtherm_wire_create(const filmtherm_device* device, const filmtherm_run_options* options,
                          filmtherm_wire** wire) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    require(wire, "wire");
    *wire = nullptr;
    const filmtherm_run_options known = filmtherm::api::known_run_options(options);
    const filmtherm_wire_model model = filmtherm::api::wire_model_of(known);
    const filmtherm::DeviceRunOptions converted = filmtherm::api::run_options_from(known);
    auto handle = std::make_unique<filmtherm_wire>();
    handle->core = device->core;
    handle->device = device->device;
    {
      const std::shared_lock lock(device->core->registry_mutex);
      if (model == FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT) {
        handle->lumped =
            std::make_unique<filmtherm::LumpedHotspotWire>(handle->device, device->core->registry);
      } else {
        handle->wire = std::make_unique<filmtherm::DrivenWire>(
            handle->device, device->core->registry,
            filmtherm::wire_model_options(filmtherm::overlay(handle->device.wire, converted.wire)));
      }
    }
    *wire = handle.release();
  });
}

void filmtherm_wire_destroy(filmtherm_wire* wire) {
  delete wire;
}

int filmtherm_wire_start_time(const filmtherm_wire* wire, double* time_s) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(time_s, "time_s");
    *time_s = wire->lumped ? wire->lumped->start_time_s() : wire->wire->start_time_s();
  });
}

int filmtherm_wire_time(const filmtherm_wire* wire, double* time_s) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(time_s, "time_s");
    *time_s = wire->lumped ? wire->lumped->time_s() : wire->wire->time_s();
  });
}

int filmtherm_wire_advance(filmtherm_wire* wire, double end_time_s, double start_current_A,
                           double end_current_A) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    if (wire->lumped) {
      wire->lumped->advance(end_time_s, start_current_A, end_current_A);
    } else {
      wire->wire->advance(end_time_s, start_current_A, end_current_A);
    }
  });
}

int filmtherm_wire_observe(const filmtherm_wire* wire, double current_A,
                           double* hotspot_resistance_Ohm, double* hottest_K,
                           double* hottest_phonon_K, double* hotspot_length_m) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    if (!std::isfinite(current_A)) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, "current_A is not finite");
    }
    if (wire->lumped) {
      // The domain's resistance does not depend on the present current; the
      // model has no temperatures.
      const filmtherm::LumpedHotspotObservation o = wire->lumped->observe();
      const double none = std::numeric_limits<double>::quiet_NaN();
      if (hotspot_resistance_Ohm) *hotspot_resistance_Ohm = o.hotspot_resistance_Ohm;
      if (hottest_K) *hottest_K = none;
      if (hottest_phonon_K) *hottest_phonon_K = none;
      if (hotspot_length_m) *hotspot_length_m = o.hotspot_length_m;
      return;
    }
    const filmtherm::DrivenWireObservation o = wire->wire->observe(current_A);
    if (hotspot_resistance_Ohm) *hotspot_resistance_Ohm = o.hotspot_resistance_Ohm;
    if (hottest_K) *hottest_K = o.hottest_K;
    if (hottest_phonon_K) *hottest_phonon_K = o.hottest_phonon_K;
    if (hotspot_length_m) *hotspot_length_m = o.hotspot_length_m;
  });
}

int filmtherm_wire_max_step(const filmtherm_wire* wire, double current_A,
                            double current_rate_A_per_s, double relative_change,
                            double* max_step_s) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(max_step_s, "max_step_s");
    if (!std::isfinite(current_A) || !std::isfinite(current_rate_A_per_s)) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, "current_A and its rate must be finite");
    }
    if (!(relative_change > 0.0 && relative_change <= 1.0)) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, "relative_change must lie in (0, 1]");
    }
    *max_step_s = wire->lumped
                      ? wire->lumped->max_step_s(current_A, current_rate_A_per_s, relative_change)
                      : wire->wire->max_step_s(current_A, current_rate_A_per_s, relative_change);
  });
}

int filmtherm_wire_save(filmtherm_wire* wire) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    if (wire->lumped) {
      wire->lumped->save();
    } else {
      wire->wire->save();
    }
  });
}

int filmtherm_wire_restore(filmtherm_wire* wire) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    if (wire->lumped) {
      wire->lumped->restore();
    } else {
      wire->wire->restore();
    }
  });
}

int filmtherm_wire_cell_count(const filmtherm_wire* wire, size_t* count) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(count, "count");
    *count = wire->lumped ? 0 : wire->wire->parameters().cell_count;
  });
}

int filmtherm_wire_temperatures(const filmtherm_wire* wire, double* out, size_t size) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(out, "out");
    if (wire->lumped) return;  // no cells
    const std::vector<double> t = wire->wire->electron_temperatures_K();
    if (size < t.size()) {
      throw ApiError(FILMTHERM_E_BUFFER_TOO_SMALL,
                     "out holds fewer doubles than the wire has cells");
    }
    std::copy(t.begin(), t.end(), out);
  });
}

int filmtherm_wire_solver_steps(const filmtherm_wire* wire, long* steps) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(steps, "steps");
    *steps = wire->lumped ? wire->lumped->pieces() : wire->wire->solver_steps();
  });
}

int filmtherm_wire_model_kind(const filmtherm_wire* wire, int* model) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(model, "model");
    *model = wire->lumped ? FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT : FILMTHERM_WIRE_MODEL_1D;
  });
}

int filmtherm_wire_lumped_constants(const filmtherm_wire* wire,
                                    filmtherm_lumped_hotspot_constants* constants) {
  return guarded(__func__, log_of(wire), [&] {
    require(wire, "wire");
    require(constants, "constants");
    if (constants->struct_size < sizeof(filmtherm_lumped_hotspot_constants)) {
      throw ApiError(
          FILMTHERM_E_INVALID_ARGUMENT,
          fmt::format("constants->struct_size is {}, expected at least {}", constants->struct_size,
                      sizeof(filmtherm_lumped_hotspot_constants)));
    }
    if (!wire->lumped) {
      throw ApiError(FILMTHERM_E_NOT_FOUND,
                     "the wire is the 1D model; only the lumped hotspot has these constants");
    }
    const filmtherm::LumpedHotspotConstants& k = wire->lumped->constants();
    filmtherm_lumped_hotspot_constants out{};
    out.struct_size = constants->struct_size;
    out.heat_capacity_J_per_m3_K = k.heat_capacity_J_per_m3_K;
    out.heat_transfer_W_per_m2_K = k.heat_transfer_W_per_m2_K;
    out.thermal_conductivity_W_per_m_K = k.thermal_conductivity_W_per_m_K;
    out.switching_current_A = k.switching_current_A;
    out.stekly_parameter = k.stekly_parameter;
    out.velocity_scale_m_per_s = k.velocity_scale_m_per_s;
    out.minimum_current_A = k.minimum_current_A;
    out.propagation_current_A = k.propagation_current_A;
    out.initial_length_m = k.initial_length_m;
    out.wire_length_m = k.wire_length_m;
    out.resistance_per_length_Ohm_per_m = k.resistance_per_length_Ohm_per_m;
    out.photon_energy_density_J_per_m3 = k.photon_energy_density_J_per_m3;
    out.switching_energy_density_J_per_m3 = k.switching_energy_density_J_per_m3;
    std::memcpy(constants, &out, sizeof(out));
  });
}

}  // extern "C"
