// The wire's heat equation in the conventions of the Yang et al. (2007) family
// of 1D codes (J. K. W. Yang et al., IEEE Trans. Appl. Supercond. 17, 581
// (2007); A. J. Kerman et al., Appl. Phys. Lett. 95, 012603 (2009)):
//     c_i dT_i/dt = kappa_i L_i/dx + s_i rho_n J^2 + p_i - P_esc(T_i)
//     c_i = C_ph(T_i) + s_i gamma_p T_i + (1 - s_i) C_es(T_i)
//     kappa_i = s_i L0 T_i/rho_n + (1 - s_i) kappa_s(T_i)
// with L_i the discrete Laplacian of the grid (the ends held at T_sub at half a
// cell), s_i the resistive switch as the conservative scheme has it, and
// gamma_p a quoted C_e(T_ref) read as gamma_p T_ref (docs/wire-model.md, "The
// published scheme"). The circuit and the energy integrals are those of
// wire_model.cpp; the heat book does not close (node-local kappa is not a flux
// form, and c jumps where a cell switches at fixed T).
#include "wire_published_scheme.h"

#include <fmt/format.h>

#include <optional>
#include <stdexcept>

#include "filmtherm/quantity_parser.h"

#include "wire_workspace.h"

namespace filmtherm {

void read_quoted_electron_capacity(const ModelChoice& electron_model, WireParameters& parameters) {
  std::optional<double> capacity;
  std::optional<double> reference_K;
  try {
    for (const ParameterSetting& setting : electron_model.parameters) {
      if (setting.name == "heat_capacity_at_reference") {
        capacity = parse_quantity_as<VolumetricHeatCapacity>(setting.text).value();
      } else if (setting.name == "reference_temperature") {
        reference_K = parse_quantity_as<Temperature>(setting.text).value();
      }
    }
  } catch (const std::exception&) {
    return;
  }
  if (capacity && reference_K && *capacity > 0.0 && *reference_K > 0.0) {
    parameters.quoted_electron_capacity_J_per_m3_K = *capacity;
    parameters.quoted_electron_capacity_reference_K = *reference_K;
  }
}

ElectrothermalWireSystem::PublishedScheme::PublishedScheme(const WireMaterials& materials,
                                                           const WireParameters& parameters,
                                                           const WireModelOptions& options)
    : cell_conductivity(parameters.cell_count),
      cell_conductivity_slope(parameters.cell_count),
      conductivity(parameters.cell_count),
      capacity(parameters.cell_count),
      laplacian(parameters.cell_count),
      conductivity_jump(parameters.cell_count),
      capacity_jump(parameters.cell_count) {
  if (options.form != WireTemperatureForm::one_temperature) {
    throw std::invalid_argument(
        "the published scheme (Yang 2007) has one temperature per cell; use --temperatures one "
        "or the conservative scheme");
  }
  // The normal branch of the material's models, above T_c: C_e = gamma T and
  // kappa_n = L0 T/rho_n (docs/physics.md sections 2 and 3.3).
  const double normal_K = 2.0 * parameters.critical_temperature_K;
  const double gamma =
      materials.electron_heat_capacity.evaluate_si(normal_K).heat_capacity / normal_K;
  normal_conductivity_per_K = materials.thermal_conductivity.evaluate_si(normal_K).first / normal_K;
  if (!(gamma > 0.0) || !(normal_conductivity_per_K > 0.0)) {
    throw std::invalid_argument(fmt::format(
        "the published scheme needs a positive normal-state C_e/T and kappa/T at 2 T_c, got {} "
        "J m^-3 K^-2 and {} W m^-1 K^-2",
        gamma, normal_conductivity_per_K));
  }
  // The published codes read a quoted C_e(T_ref) as the normal-state gamma T_ref,
  // also where T_ref < T_c (docs/physics.md section 2.4).
  normal_sommerfeld = parameters.quoted_electron_capacity_reference_K > 0.0
                          ? parameters.quoted_electron_capacity_J_per_m3_K /
                                parameters.quoted_electron_capacity_reference_K
                          : gamma;
  superconducting_scale = normal_sommerfeld / gamma;
}

void ElectrothermalWireSystem::evaluate_published_cells(std::span<const double> state,
                                                        bool with_slopes) const {
  evaluate_cells(state, with_slopes);
  Workspace& w = *work_;
  PublishedScheme& ps = *published_;
  filmtherm_evaluation e{};
  e.struct_size = sizeof(filmtherm_evaluation);
  e.count = cells_;
  e.temperature_K = w.electron_K.data();
  e.value = ps.cell_conductivity.data();
  e.value_slope = ps.cell_conductivity_slope.data();
  materials_.thermal_conductivity.instance().evaluate(e);
  const double bath_K = parameters_.substrate_temperature_K;
  const double dx = parameters_.cell_length_m();
  for (std::size_t i = 0; i < cells_; ++i) {
    const double T = w.electron_K[i];
    const double s = w.resistive[i];
    const double left_K = i == 0 ? bath_K : w.electron_K[i - 1];
    const double right_K = i + 1 == cells_ ? bath_K : w.electron_K[i + 1];
    const double left_m = i == 0 ? 0.5 * dx : dx;
    const double right_m = i + 1 == cells_ ? 0.5 * dx : dx;
    ps.laplacian[i] = (right_K - T) / right_m - (T - left_K) / left_m;
    const double normal_kappa = ps.normal_conductivity_per_K * T;
    ps.conductivity_jump[i] = normal_kappa - ps.cell_conductivity[i];
    ps.conductivity[i] = ps.cell_conductivity[i] + s * ps.conductivity_jump[i];
    const double superconducting_c = ps.superconducting_scale * w.electron_capacity[i];
    ps.capacity_jump[i] = ps.normal_sommerfeld * T - superconducting_c;
    ps.capacity[i] = w.phonon_capacity[i] + superconducting_c + s * ps.capacity_jump[i];
  }
}

void ElectrothermalWireSystem::published_right_hand_side(double time_s,
                                                         std::span<const double> state,
                                                         std::span<double> derivative) {
  evaluate_published_cells(state, false);
  const Workspace& w = *work_;
  const PublishedScheme& ps = *published_;
  const WireParameters& p = parameters_;
  const double bath_K = p.substrate_temperature_K;
  const double dx = p.cell_length_m();
  const double current_A = state[current_index()];
  const double joule_density = p.normal_resistivity_Ohm_m * current_A * current_A /
                               (p.cross_section_m2() * p.cross_section_m2());
  const double photon_density = photon_.power_density(time_s);
  double resistive_cells = 0.0;
  double escape_sum = 0.0;
  for (std::size_t i = 0; i < cells_; ++i) {
    const double escape = escape_law_ == WireEscapeLaw::linearised
                              ? w.escape_slope[i] * (w.phonon_K[i] - bath_K)
                              : w.escape_power[i];
    escape_sum += escape;
    resistive_cells += w.resistive[i];
    derivative[i] = (ps.conductivity[i] * ps.laplacian[i] / dx + w.resistive[i] * joule_density +
                     coverage_[i] * photon_density - escape) /
                    ps.capacity[i];
  }
  const double hotspot_Ohm = resistive_cells * p.cell_resistance_Ohm();
  const double diverted_A = p.bias_current_A - current_A;
  const double capacitor_V = state[capacitor_index()];
  derivative[current_index()] =
      (capacitor_V + p.load_resistance_Ohm * diverted_A - hotspot_Ohm * current_A) /
      p.kinetic_inductance_H;
  derivative[capacitor_index()] = diverted_A / p.bias_tee_capacitance_F;
  derivative[joule_energy_index()] = hotspot_Ohm * current_A * current_A;
  derivative[escaped_energy_index()] = escape_sum * p.cell_volume_m3();
  // The heat through the two end faces, as in the conservative scheme.
  derivative[end_energy_index()] = (w.heat_flow[cells_] - w.heat_flow[0]) * p.cross_section_m2();
  derivative[load_energy_index()] = p.load_resistance_Ohm * diverted_A * diverted_A;
  derivative[source_work_index()] =
      p.bias_current_A * (capacitor_V + p.load_resistance_Ohm * diverted_A);
}

void ElectrothermalWireSystem::published_jacobian(std::span<const double> state,
                                                  std::span<const double> derivative,
                                                  JacobianMatrix& jac) {
  evaluate_published_cells(state, true);
  const Workspace& w = *work_;
  const PublishedScheme& ps = *published_;
  const WireParameters& p = parameters_;
  const double bath_K = p.substrate_temperature_K;
  const double dx = p.cell_length_m();
  const double area = p.cross_section_m2();
  const double current_A = state[current_index()];
  const double cell_Ohm = p.cell_resistance_Ohm();
  const double joule_density = p.normal_resistivity_Ohm_m * current_A * current_A / (area * area);
  const double joule_slope_I = 2.0 * p.normal_resistivity_Ohm_m * current_A / (area * area);
  const std::size_t current = current_index();

  double resistive_cells = 0.0;
  double resistive_slope_I = 0.0;
  for (std::size_t i = 0; i < cells_; ++i) {
    const double escape_slope =
        escape_law_ == WireEscapeLaw::linearised
            ? w.escape_slope[i] + (w.shifted_escape_slope[i] - w.escape_slope[i]) /
                                      (w.shifted_K[i] - w.phonon_K[i]) * (w.phonon_K[i] - bath_K)
            : w.escape_slope[i];
    const double s = w.resistive[i];
    const double ds_dT = w.resistive_slope_T[i];
    const double ds_dI = w.resistive_slope_I[i];
    resistive_cells += s;
    resistive_slope_I += ds_dI;
    const double left_m = i == 0 ? 0.5 * dx : dx;
    const double right_m = i + 1 == cells_ ? 0.5 * dx : dx;
    const double kappa_slope_T = (1.0 - s) * ps.cell_conductivity_slope[i] +
                                 s * ps.normal_conductivity_per_K + ds_dT * ps.conductivity_jump[i];
    const double capacity_slope_T =
        w.phonon_capacity_slope[i] +
        (1.0 - s) * ps.superconducting_scale * w.electron_capacity_slope[i] +
        s * ps.normal_sommerfeld + ds_dT * ps.capacity_jump[i];
    const double heating_slope_T =
        (kappa_slope_T * ps.laplacian[i] - ps.conductivity[i] * (1.0 / left_m + 1.0 / right_m)) /
            dx +
        ds_dT * joule_density - escape_slope;
    const double heating_slope_I = ds_dI * ps.conductivity_jump[i] * ps.laplacian[i] / dx +
                                   ds_dI * joule_density + s * joule_slope_I;
    const double c = ps.capacity[i];
    jac.set(i, i, (heating_slope_T - derivative[i] * capacity_slope_T) / c);
    // The front switch's share also moves with the neighbours (resistive_front.h).
    auto neighbour_slope = [&](double ds, double distance_m) {
      const double heating = ps.conductivity[i] / (distance_m * dx) +
                             ds * (ps.conductivity_jump[i] * ps.laplacian[i] / dx + joule_density);
      return (heating - derivative[i] * ds * ps.capacity_jump[i]) / c;
    };
    if (i > 0) jac.set(i, i - 1, neighbour_slope(w.resistive_slope_left[i], left_m));
    if (i + 1 < cells_) jac.set(i, i + 1, neighbour_slope(w.resistive_slope_right[i], right_m));
    jac.set(i, current, (heating_slope_I - derivative[i] * ds_dI * ps.capacity_jump[i]) / c);

    const double dR_dT = cell_Ohm * resistance_slope_per_cell(i);
    jac.set(current, i, -current_A * dR_dT / p.kinetic_inductance_H);
    jac.set(joule_energy_index(), i, current_A * current_A * dR_dT);
    jac.set(escaped_energy_index(), i, escape_slope * p.cell_volume_m3());
  }
  const double hotspot_Ohm = resistive_cells * cell_Ohm;
  const double dR_dI = resistive_slope_I * cell_Ohm;
  jac.set(current, current,
          -(p.load_resistance_Ohm + hotspot_Ohm + current_A * dR_dI) / p.kinetic_inductance_H);
  jac.set(current, capacitor_index(), 1.0 / p.kinetic_inductance_H);
  jac.set(capacitor_index(), current, -1.0 / p.bias_tee_capacitance_F);
  jac.set(joule_energy_index(), current,
          2.0 * hotspot_Ohm * current_A + current_A * current_A * dR_dI);
  // The end faces' flow q = kappa(T_f)(T_left - T_right)/(dx/2), T_f the face's mean.
  auto end_flow_slope = [&](std::size_t f, std::size_t cell, double sign) {
    const double inner_K = w.electron_K[cell];
    return (0.5 * w.conductivity_slope[f] * (inner_K - bath_K) + w.conductivity[f]) * sign /
           (0.5 * dx);
  };
  jac.set(end_energy_index(), 0, end_flow_slope(0, 0, 1.0) * area);
  jac.set(end_energy_index(), cells_ - 1, end_flow_slope(cells_, cells_ - 1, 1.0) * area);
  jac.set(load_energy_index(), current,
          -2.0 * p.load_resistance_Ohm * (p.bias_current_A - current_A));
  jac.set(source_work_index(), current, -p.bias_current_A * p.load_resistance_Ohm);
  jac.set(source_work_index(), capacitor_index(), p.bias_current_A);
}

// U_ph(T) + s gamma_p T^2/2 + (1 - s) scale U_e(T), each from T_sub: the heat the
// scheme's c_i holds with the cell's present switch state.
double ElectrothermalWireSystem::published_stored_energy_J(std::span<const double> state) const {
  evaluate_cells(state, false);
  Workspace& w = *work_;
  const PublishedScheme& ps = *published_;
  const double bath_K = parameters_.substrate_temperature_K;
  const double d = parameters_.thickness_m;
  const double bath_phonon = materials_.phonon_heat_capacity.evaluate_si(bath_K, d).energy_density;
  const double bath_electron = materials_.electron_heat_capacity.evaluate_si(bath_K).energy_density;
  materials_.phonon_heat_capacity.evaluate_si(w.phonon_K, w.thickness_m, w.phonon_capacity, {},
                                              w.phonon_energy);
  filmtherm_evaluation electrons{};
  electrons.struct_size = sizeof(filmtherm_evaluation);
  electrons.count = cells_;
  electrons.temperature_K = w.electron_K.data();
  electrons.value = w.electron_capacity.data();
  electrons.energy_density = w.electron_energy.data();
  materials_.electron_heat_capacity.instance().evaluate(electrons);
  double total = 0.0;
  for (std::size_t i = 0; i < cells_; ++i) {
    const double T = w.electron_K[i];
    const double s = w.resistive[i];
    const double normal = 0.5 * ps.normal_sommerfeld * (T * T - bath_K * bath_K);
    const double superconducting =
        ps.superconducting_scale * (w.electron_energy[i] - bath_electron);
    total += w.phonon_energy[i] - bath_phonon + s * normal + (1.0 - s) * superconducting;
  }
  return total * parameters_.cell_volume_m3();
}

}  // namespace filmtherm
