// Private to the wire model: the constants and per-cell buffers of the
// discretisation that follows the published 1D codes
// (WireDiscretisation::published_yang2007; docs/wire-model.md, "The published
// scheme"). Each cell carries the normal-state C_e = gamma_p T and kappa_n =
// L0 T/rho_n when it is resistive, the material's superconducting C_es (scaled
// to gamma_p) and kappa_s otherwise, and conducts heat as kappa(T_i) d^2T/dx^2.
#pragma once

#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/wire_model.h"

namespace filmtherm {

/// Sets parameters.quoted_electron_capacity_* from the electron model's
/// heat_capacity_at_reference and reference_temperature when the material gives
/// that pair (left 0 otherwise, or where they do not parse: the model's own
/// instantiation reports that with its place in the file).
void read_quoted_electron_capacity(const ModelChoice& electron_model, WireParameters& parameters);

struct ElectrothermalWireSystem::PublishedScheme {
  /// Reads gamma of the material's electron model and kappa_n/T from their normal
  /// branches (at 2 T_c); gamma_p from the quoted C_e(T_ref) if there is one.
  /// Throws std::invalid_argument for the two-temperature form.
  PublishedScheme(const WireMaterials& materials, const WireParameters& parameters,
                  const WireModelOptions& options);

  double normal_sommerfeld = 0.0;               ///< gamma_p [J m^-3 K^-2]: C_en = gamma_p T
  double superconducting_scale = 1.0;           ///< gamma_p/gamma: C_es = scale * model's C_e
  double normal_conductivity_per_K = 0.0;       ///< kappa_n = this * T [W m^-1 K^-2]
  std::vector<double> cell_conductivity;        ///< the model's kappa at T_i
  std::vector<double> cell_conductivity_slope;  ///< and its slope
  // Per cell, the effective values of the step: kappa_i, c_i, the discrete
  // Laplacian L_i = (T_{i+1} - T_i)/h_R - (T_i - T_{i-1})/h_L [K/m], and the
  // normal-minus-superconducting jumps of kappa and c (for ds/dT, ds/dI).
  std::vector<double> conductivity, capacity, laplacian;
  std::vector<double> conductivity_jump, capacity_jump;
};

}  // namespace filmtherm
