// The electron heat-capacity models of models/electron_heat_capacity.h behind
// the ABI. The superconducting models take either gamma, or the heat capacity
// measured at a reference temperature (how Yang et al. 2007 quote NbN:
// c_e(10 K) = 2400 J m^-3 K^-1 with T_c = 10.5 K), never both.
#include <cmath>
#include <memory>
#include <span>
#include <stdexcept>

#include "builtin_models.h"
#include "dimensions.h"
#include "filmtherm/electron_heat_capacity.h"
#include "model_adapter.h"

namespace filmtherm::builtin {

namespace {

constexpr double absent = 0.0;  // ignored: NO_DEFAULT parameters arrive as NaN when absent

constexpr filmtherm_parameter sommerfeld_parameters[] = {
    {"sommerfeld_coefficient", dimension::sommerfeld_coefficient, absent,
     FILMTHERM_PARAMETER_REQUIRED, "gamma of C_e = gamma T (normal state)"},
};

constexpr filmtherm_parameter superconducting_parameters[] = {
    {"critical_temperature", dimension::temperature, absent, FILMTHERM_PARAMETER_REQUIRED,
     "superconducting transition temperature T_c"},
    {"sommerfeld_coefficient", dimension::sommerfeld_coefficient, absent,
     FILMTHERM_PARAMETER_NO_DEFAULT,
     "gamma, the normal-state C_e/T (or give heat_capacity_at_reference and "
     "reference_temperature)"},
    {"heat_capacity_at_reference", dimension::volumetric_heat_capacity, absent,
     FILMTHERM_PARAMETER_NO_DEFAULT,
     "C_e measured at reference_temperature (may be below T_c); gamma is solved from it"},
    {"reference_temperature", dimension::temperature, absent, FILMTHERM_PARAMETER_NO_DEFAULT,
     "the temperature of heat_capacity_at_reference"},
};

// Each model function checks the temperature itself (std::domain_error). The slope and the
// energy are computed only when asked for: solvers' right-hand sides need the value alone.
void store(const ElectronHeatCapacity& model, const filmtherm_evaluation& e) {
  for (std::size_t i = 0; i < e.count; ++i) {
    const double temperature_K = e.temperature_K[i];
    e.value[i] = model.heat_capacity_J_per_m3_K(temperature_K);
    if (e.value_slope) e.value_slope[i] = model.heat_capacity_slope_J_per_m3_K2(temperature_K);
    if (e.energy_density) e.energy_density[i] = model.energy_J_per_m3(temperature_K);
  }
}

class SommerfeldAdapter {
 public:
  explicit SommerfeldAdapter(std::span<const double> v)
      : model_(from_si<SommerfeldCoefficient>(v[0])) {}
  void evaluate(const filmtherm_evaluation& e) const { store(model_, e); }

 private:
  SommerfeldHeatCapacity model_;
};

template <class Model>
Model make_superconducting(std::span<const double> v) {
  const auto critical = from_si<Temperature>(v[0]);
  const bool by_gamma = !std::isnan(v[1]);
  const bool by_reference = !std::isnan(v[2]) || !std::isnan(v[3]);
  if (by_gamma == by_reference || (by_reference && (std::isnan(v[2]) || std::isnan(v[3])))) {
    throw std::invalid_argument(
        "give either sommerfeld_coefficient, or both heat_capacity_at_reference and "
        "reference_temperature");
  }
  if (by_gamma) return Model(from_si<SommerfeldCoefficient>(v[1]), critical);
  return Model::from_heat_capacity_at(from_si<Temperature>(v[3]),
                                      from_si<VolumetricHeatCapacity>(v[2]), critical);
}

template <class Model>
class SuperconductingAdapter {
 public:
  explicit SuperconductingAdapter(std::span<const double> v)
      : model_(make_superconducting<Model>(v)) {}
  void evaluate(const filmtherm_evaluation& e) const { store(model_, e); }

 private:
  Model model_;
};

}  // namespace

const filmtherm_model sommerfeld_electron_model =
    describe_model<SommerfeldAdapter, sommerfeld_parameters>(
        "sommerfeld", FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY,
        "Normal-metal electrons: C_e = gamma T.",
        "A. Sommerfeld, Z. Phys. 47, 1 (1928); Kittel ch. 6");

const filmtherm_model bcs_electron_model =
    describe_model<SuperconductingAdapter<BcsHeatCapacity>, superconducting_parameters>(
        "bcs", FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY,
        "Weak-coupling BCS superconductor with the self-consistent gap below T_c (jump "
        "Delta C/(gamma T_c) = 1.43), gamma T above.",
        "J. Bardeen, L. N. Cooper, J. R. Schrieffer, Phys. Rev. 108, 1175 (1957); Tinkham, "
        "Introduction to Superconductivity, sec. 3.9");

const filmtherm_model yang2007_electron_model =
    describe_model<SuperconductingAdapter<Yang2007HeatCapacity>, superconducting_parameters>(
        "yang-2007", FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY,
        "Approximation C_es = 2.43 gamma T_c exp(-Delta/(k_B T)), Delta = 2.15 k_B T_c (1 - "
        "t^2) below T_c, gamma T above; kept to reproduce published SNSPD models.",
        "J. K. W. Yang et al., IEEE Trans. Appl. Supercond. 17, 581 (2007)");

}  // namespace filmtherm::builtin
