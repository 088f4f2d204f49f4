// Private to the wire model: the per-cell buffers that the plugin models fill
// in one array call per property.
#pragma once

#include <vector>

#include "filmtherm/wire_model.h"

namespace filmtherm {

struct ElectrothermalWireSystem::Workspace {
  explicit Workspace(std::size_t cells, double thickness_m, double substrate_K)
      : thickness_m(cells, thickness_m),
        substrate_K(cells, substrate_K),
        electron_K(cells),
        phonon_K(cells),
        electron_capacity(cells),
        electron_capacity_slope(cells),
        phonon_capacity(cells),
        phonon_capacity_slope(cells),
        electron_energy(cells),
        phonon_energy(cells),
        face_K(cells + 1),
        conductivity(cells + 1),
        conductivity_slope(cells + 1),
        heat_flow(cells + 1),
        escape_power(cells),
        escape_slope(cells),
        shifted_K(cells),
        shifted_escape_power(cells),
        shifted_escape_slope(cells),
        coupling_power(cells),
        coupling_slope_electron(cells),
        coupling_slope_phonon(cells),
        resistive(cells),
        resistive_slope_T(cells),
        resistive_slope_left(cells),
        resistive_slope_right(cells),
        resistive_slope_I(cells) {}

  std::vector<double> thickness_m;  // d at every cell (the plugin takes an array)
  std::vector<double> substrate_K;  // T_sub at every cell
  std::vector<double> electron_K;   // T (one-temperature) or T_e
  std::vector<double> phonon_K;     // T_ph (two-temperature); = electron_K otherwise
  std::vector<double> electron_capacity, electron_capacity_slope;
  std::vector<double> phonon_capacity, phonon_capacity_slope;
  std::vector<double> electron_energy, phonon_energy;
  // Faces 0..N: face f lies between cells f-1 and f; faces 0 and N touch the ends.
  std::vector<double> face_K, conductivity, conductivity_slope;
  std::vector<double> heat_flow;  // W m^-2, from cell f-1 towards cell f
  std::vector<double> escape_power, escape_slope;
  std::vector<double> shifted_K, shifted_escape_power, shifted_escape_slope;
  std::vector<double> coupling_power, coupling_slope_electron, coupling_slope_phonon;
  std::vector<double> resistive;              // s_i in [0, 1]
  std::vector<double> resistive_slope_T;      // ds_i/dT_i [1/K]
  std::vector<double> resistive_slope_left;   // ds_i/dT_{i-1} [1/K] (the front switch)
  std::vector<double> resistive_slope_right;  // ds_i/dT_{i+1} [1/K] (the front switch)
  std::vector<double> resistive_slope_I;      // ds_i/dI [1/A]
  double switching_K = 0.0;                   // T*(I)
  double switching_slope_K_per_A = 0.0;       // dT*/dI
};

}  // namespace filmtherm
