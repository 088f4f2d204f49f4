// The heat-flow models of models/heat_flow.h behind the ABI: electron-phonon
// power, phonon escape into the substrate, and the film's thermal
// conductivity. Powers are positive from the first body to the second
// (electrons to phonons, phonons to bath). The models' SI functions check every
// temperature themselves (std::domain_error), so the adapters do not check again.
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "builtin_models.h"
#include "dimensions.h"
#include "filmtherm/heat_flow.h"
#include "model_adapter.h"

namespace filmtherm::builtin {

namespace {

constexpr double absent = 0.0;

void check_count(std::span<const double> v, std::size_t expected) {
  if (v.size() != expected) throw std::invalid_argument("wrong number of parameters");
}

const double* require(const double* input, const char* what) {
  if (input == nullptr) throw std::invalid_argument(std::string("missing input: ") + what);
  return input;
}

// Electron-phonon power P_ep = Sigma (T_e^m - T_ph^m), docs/physics.md section 3.
constexpr filmtherm_parameter eph_time_parameters[] = {
    {"relaxation_time", dimension::time, absent, FILMTHERM_PARAMETER_REQUIRED,
     "electron-phonon time tau_eph at reference_temperature"},
    {"reference_temperature", dimension::temperature, absent, FILMTHERM_PARAMETER_REQUIRED,
     "T0 at which tau_eph is given (10 K in most SNSPD papers)"},
    {"temperature_exponent", dimension::dimensionless, absent, FILMTHERM_PARAMETER_REQUIRED,
     "p of 1/tau_eph ~ T^p (NbN 3.2-3.8, NbTiN 3.45); the power law's exponent is m = p + 2"},
    {"electron_heat_capacity_at_reference", dimension::volumetric_heat_capacity, absent,
     FILMTHERM_PARAMETER_REQUIRED,
     "C_e(T0) that tau_eph refers to; Sigma = C_e(T0)/(m T0^(m-1) tau_eph)"},
};

constexpr filmtherm_parameter eph_conductance_parameters[] = {
    {"conductance_at_reference", dimension::power_density_per_kelvin, absent,
     FILMTHERM_PARAMETER_REQUIRED, "G_ep = dP_ep/dT_e = m Sigma T0^(m-1) at reference_temperature"},
    {"reference_temperature", dimension::temperature, absent, FILMTHERM_PARAMETER_REQUIRED,
     "T0 of conductance_at_reference"},
    {"power_exponent", dimension::dimensionless, absent, FILMTHERM_PARAMETER_REQUIRED,
     "m of P_ep = Sigma (T_e^m - T_ph^m)"},
};

class ElectronPhononAdapter {
 public:
  explicit ElectronPhononAdapter(ElectronPhononCoupling coupling) : coupling_(coupling) {}
  void evaluate(const filmtherm_evaluation& e) const {
    const double* phonon_K = require(e.second_temperature_K, "phonon temperature");
    for (std::size_t i = 0; i < e.count; ++i) {
      e.value[i] = coupling_.power_W_per_m3(e.temperature_K[i], phonon_K[i]);
      if (e.value_slope)
        e.value_slope[i] = coupling_.power_slope_electron_W_per_m3_K(e.temperature_K[i]);
      if (e.value_second_slope) {
        e.value_second_slope[i] = coupling_.power_slope_phonon_W_per_m3_K(phonon_K[i]);
      }
    }
  }

 private:
  ElectronPhononCoupling coupling_;
};

class ElectronPhononByTime : public ElectronPhononAdapter {
 public:
  explicit ElectronPhononByTime(std::span<const double> v) : ElectronPhononAdapter(make(v)) {}

 private:
  static ElectronPhononCoupling make(std::span<const double> v) {
    check_count(v, std::size(eph_time_parameters));
    return ElectronPhononCoupling(from_si<Time>(v[0]), from_si<Temperature>(v[1]), v[2],
                                  from_si<VolumetricHeatCapacity>(v[3]));
  }
};

class ElectronPhononByConductance : public ElectronPhononAdapter {
 public:
  explicit ElectronPhononByConductance(std::span<const double> v)
      : ElectronPhononAdapter(make(v)) {}

 private:
  static ElectronPhononCoupling make(std::span<const double> v) {
    check_count(v, std::size(eph_conductance_parameters));
    const double conductance = v[0];
    const double reference_K = v[1];
    const double m = v[2];
    if (!(reference_K > 0.0) || !std::isfinite(reference_K)) {
      throw std::invalid_argument("reference_temperature must be positive and finite");
    }
    if (!(m >= 1.0) || !std::isfinite(m)) {
      throw std::invalid_argument("power_exponent must be >= 1 and finite");
    }
    return ElectronPhononCoupling::from_coupling_constant(
        conductance / (m * std::pow(reference_K, m - 1.0)), m);
  }
};

// Phonon escape, docs/physics.md section 3: (a) fixed time, (b) boundary law.
constexpr filmtherm_parameter escape_time_parameters[] = {
    {"escape_time", dimension::time, absent, FILMTHERM_PARAMETER_REQUIRED,
     "tau_esc of P_esc = C_ph (T_ph - T_b)/tau_esc (NbN on a-SiO2: about 5-6 ps per nm)"},
};

constexpr filmtherm_parameter boundary_conductance_parameters[] = {
    {"conductance_at_reference", dimension::boundary_conductance, absent,
     FILMTHERM_PARAMETER_REQUIRED, "alpha(T_ref) = q sigma_b T_ref^(q-1), per unit area"},
    {"reference_temperature", dimension::temperature, absent, FILMTHERM_PARAMETER_REQUIRED,
     "T_ref of conductance_at_reference"},
    {"power_exponent", dimension::dimensionless, 4.0, 0,
     "q of P_esc = (sigma_b/d)(T_ph^q - T_b^q): 4 for acoustic mismatch, ~3 reported for NbTiN"},
};

constexpr filmtherm_parameter acoustic_mismatch_parameters[] = {
    {"boundary_coefficient", dimension::acoustic_mismatch_coefficient, absent,
     FILMTHERM_PARAMETER_REQUIRED, "sigma_b of P_esc = (sigma_b/d)(T_ph^4 - T_b^4)"},
};

class FixedTimeEscapeAdapter {
 public:
  explicit FixedTimeEscapeAdapter(std::span<const double> v) : escape_(make(v)) {}
  void evaluate(const filmtherm_evaluation& e) const {
    const double* bath_K = require(e.second_temperature_K, "bath temperature");
    const double* heat_capacity = require(e.phonon_heat_capacity, "phonon heat capacity");
    for (std::size_t i = 0; i < e.count; ++i) {
      e.value[i] = escape_.power_W_per_m3(e.temperature_K[i], bath_K[i], heat_capacity[i]);
      if (e.value_slope) {
        const double* slope = require(e.phonon_heat_capacity_slope, "phonon heat capacity slope");
        e.value_slope[i] = escape_.power_slope_W_per_m3_K(e.temperature_K[i], bath_K[i],
                                                          heat_capacity[i], slope[i]);
      }
      if (e.value_second_slope)
        e.value_second_slope[i] = -heat_capacity[i] / escape_.escape_time().value();
    }
  }

 private:
  static FixedTimePhononEscape make(std::span<const double> v) {
    check_count(v, std::size(escape_time_parameters));
    return FixedTimePhononEscape(from_si<Time>(v[0]));
  }
  FixedTimePhononEscape escape_;
};

// The boundary law divides by d, an evaluation input: the law is rebuilt per
// distinct thickness within a call (a few flops).
class BoundaryEscapeAdapter {
 public:
  explicit BoundaryEscapeAdapter(BoundaryConductance alpha, Temperature reference, double q)
      : alpha_(alpha), reference_(reference), q_(q) {
    (void)law(from_si<Length>(1.0));  // validates now, not at first use
  }
  void evaluate(const filmtherm_evaluation& e) const {
    const double* bath_K = require(e.second_temperature_K, "bath temperature");
    const double* thickness_m = require(e.film_thickness_m, "film thickness");
    std::optional<BoundaryLawPhononEscape> escape;
    double law_thickness_m = 0.0;
    for (std::size_t i = 0; i < e.count; ++i) {
      if (!escape || thickness_m[i] != law_thickness_m) {
        law_thickness_m = thickness_m[i];
        escape.emplace(law(from_si<Length>(law_thickness_m)));
      }
      e.value[i] = escape->power_W_per_m3(e.temperature_K[i], bath_K[i]);
      if (e.value_slope) e.value_slope[i] = escape->power_slope_W_per_m3_K(e.temperature_K[i]);
      if (e.value_second_slope)
        e.value_second_slope[i] = -escape->power_slope_W_per_m3_K(bath_K[i]);
    }
  }

 private:
  BoundaryLawPhononEscape law(Length thickness) const {
    return BoundaryLawPhononEscape(alpha_, reference_, q_, thickness);
  }
  BoundaryConductance alpha_;
  Temperature reference_;
  double q_;
};

class BoundaryConductanceEscape : public BoundaryEscapeAdapter {
 public:
  explicit BoundaryConductanceEscape(std::span<const double> v)
      : BoundaryEscapeAdapter(from_si<BoundaryConductance>(checked(v)[0]),
                              from_si<Temperature>(v[1]), v[2]) {}

 private:
  static std::span<const double> checked(std::span<const double> v) {
    check_count(v, std::size(boundary_conductance_parameters));
    return v;
  }
};

// Acoustic mismatch, q = 4: alpha(T_ref) = 4 sigma_b T_ref^3 at T_ref = 1 K.
class AcousticMismatchEscape : public BoundaryEscapeAdapter {
 public:
  explicit AcousticMismatchEscape(std::span<const double> v)
      : BoundaryEscapeAdapter(from_si<BoundaryConductance>(4.0 * checked(v)[0]),
                              from_si<Temperature>(1.0), 4.0) {}

 private:
  static std::span<const double> checked(std::span<const double> v) {
    check_count(v, std::size(acoustic_mismatch_parameters));
    return v;
  }
};

// Thermal conductivity of the film's electrons, Wiedemann-Franz with Yang 2007's
// superconducting reduction.
constexpr filmtherm_parameter wiedemann_franz_parameters[] = {
    {"normal_resistivity", dimension::resistivity, absent, FILMTHERM_PARAMETER_REQUIRED,
     "rho_n of the film in the normal state"},
    {"critical_temperature", dimension::temperature, absent, FILMTHERM_PARAMETER_REQUIRED,
     "T_c; below it kappa_s = kappa_n T/T_c"},
    {"lorenz_number", dimension::lorenz_number, si_constants::lorenz_number_W_Ohm_per_K2, 0,
     "L0 of kappa_n = L0 T/rho_n; default pi^2 k_B^2/(3 e^2) = 2.443e-8 W Ohm K^-2 (Yang 2007 "
     "uses 2.45e-8)"},
};

class WiedemannFranzAdapter {
 public:
  explicit WiedemannFranzAdapter(std::span<const double> v) : conductivity_(make(v)) {}
  void evaluate(const filmtherm_evaluation& e) const {
    for (std::size_t i = 0; i < e.count; ++i) {
      e.value[i] = conductivity_.conductivity_W_per_m_K(e.temperature_K[i]);
      if (e.value_slope)
        e.value_slope[i] = conductivity_.conductivity_slope_W_per_m_K2(e.temperature_K[i]);
    }
  }

 private:
  static FilmThermalConductivity make(std::span<const double> v) {
    check_count(v, std::size(wiedemann_franz_parameters));
    return FilmThermalConductivity(from_si<Resistivity>(v[0]), from_si<Temperature>(v[1]),
                                   from_si<LorenzNumber>(v[2]));
  }
  FilmThermalConductivity conductivity_;
};

}  // namespace

const filmtherm_model eph_relaxation_time_model = describe_model<ElectronPhononByTime>(
    "eph-relaxation-time", FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER,
    "P_ep = Sigma (T_e^m - T_ph^m), m = p + 2, parametrised by tau_eph at a reference "
    "temperature with 1/tau_eph ~ T^p.",
    "docs/physics.md section 3; Sidorova et al., PRB 102, 054501 (2020)", eph_time_parameters);

const filmtherm_model eph_conductance_model = describe_model<ElectronPhononByConductance>(
    "eph-conductance", FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER,
    "P_ep = Sigma (T_e^m - T_ph^m), parametrised by the electron-phonon conductance dP/dT_e "
    "at a reference temperature.",
    "F. C. Wellstood, C. Urbina, J. Clarke, PRB 49, 5942 (1994)", eph_conductance_parameters);

const filmtherm_model escape_time_model = describe_model<FixedTimeEscapeAdapter>(
    "escape-time", FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
    "Phonons escape to the substrate with a fixed time: P_esc = C_ph (T_ph - T_b)/tau_esc.",
    "docs/physics.md section 3(a); Sidorova et al., PRB 102, 054501 (2020)", escape_time_parameters);

const filmtherm_model boundary_conductance_model = describe_model<BoundaryConductanceEscape>(
    "boundary-conductance", FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
    "Boundary law P_esc = (sigma_b/d)(T_ph^q - T_b^q), parametrised by the boundary "
    "conductance alpha(T_ref) = q sigma_b T_ref^(q-1).",
    "docs/physics.md section 3(b); Yang et al., IEEE TAS 17, 581 (2007)",
    boundary_conductance_parameters);

const filmtherm_model acoustic_mismatch_model = describe_model<AcousticMismatchEscape>(
    "acoustic-mismatch", FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
    "Acoustic-mismatch boundary law P_esc = (sigma_b/d)(T_ph^4 - T_b^4).",
    "E. T. Swartz and R. O. Pohl, Rev. Mod. Phys. 61, 605 (1989)", acoustic_mismatch_parameters);

const filmtherm_model wiedemann_franz_model = describe_model<WiedemannFranzAdapter>(
    "wiedemann-franz", FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY,
    "Electronic thermal conductivity kappa_n = L0 T/rho_n above T_c, kappa_s = kappa_n T/T_c "
    "below.",
    "Wiedemann-Franz law; Yang et al., IEEE TAS 17, 581 (2007)", wiedemann_franz_parameters);

}  // namespace filmtherm::builtin
