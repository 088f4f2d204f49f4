// What no device can be, refused with the place it was written, and what is
// merely unusual, kept as warnings (docs/yaml-reference.md, "Physical
// sanity"). The critical current at the bath follows docs/physics.md
// section 5: I_c(T) = I_c0 (1 - (T/T_c)^2)^2.
#include <fmt/format.h>

#include "device_sections.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::input {

namespace {

// Thinner than a tenth of a nanometre is less than one atomic layer (the
// lattice spacings of NbN, NbTiN, WSi and MoSi are 0.2 to 0.5 nm).
constexpr double minimum_film_thickness_m = 1e-10;
// Thicker than this the film is no longer thin for the models' assumptions
// (a uniform hotspot across the thickness, phonons escaping through the
// film's face without diffusing across it): a warning.
constexpr double thin_film_thickness_m = 100e-9;
constexpr double unusual_bath_fraction_of_tc = 0.9;
constexpr double unusual_bias_fraction_of_ic = 0.95;

std::string where(const SourceMark& mark) {
  return fmt::format("{}:{}:{}", mark.file, mark.line, mark.column);
}

}  // namespace

double critical_current_at_A(double critical_current_A, double temperature_K,
                             double critical_temperature_K) {
  if (!(temperature_K < critical_temperature_K)) return 0.0;
  const double t2 =
      (temperature_K / critical_temperature_K) * (temperature_K / critical_temperature_K);
  return critical_current_A * (1.0 - t2) * (1.0 - t2);
}

void check_physical_sanity(Reader& reader, Device& device, const Material* material) {
  const Sourced<Length>& thickness = device.film.thickness;
  const double thickness_m = thickness.value.value();
  if (thickness_m > 0.0 && thickness_m < minimum_film_thickness_m) {
    reader.report(thickness.mark, "film.thickness",
                  "a film thickness of at least 0.1 nm (one atomic layer is 0.2 to 0.5 nm)",
                  "'" + format_quantity(thickness.value) + "'");
  } else if (thickness_m > thin_film_thickness_m && thickness_m <= 1e-3) {
    device.warnings.push_back(fmt::format(
        "{}: film.thickness: {} is thicker than 100 nm; the models assume a thin film (a hotspot "
        "uniform across the thickness, phonons escaping through the face)",
        where(thickness.mark), format_quantity(thickness.value)));
  }
  if (material == nullptr || !material->critical_temperature) return;
  const Sourced<Temperature>& tc = *material->critical_temperature;
  const Sourced<Temperature>& bath = device.bath.temperature;
  const double tc_K = tc.value.value(), bath_K = bath.value.value();
  if (!(tc_K > 0.0) || !(bath_K > 0.0)) return;
  if (bath_K >= tc_K) {
    reader.report(bath.mark, "substrate.temperature",
                  fmt::format("a bath below the critical temperature T_c = {} of material {} "
                              "({}); at or above it the film is not superconducting",
                              format_quantity(tc.value), material->name, where(tc.mark)),
                  "'" + format_quantity(bath.value) + "'");
    return;
  }
  if (bath_K > unusual_bath_fraction_of_tc * tc_K) {
    device.warnings.push_back(
        fmt::format("{}: substrate.temperature: {} is above 0.9 T_c ({}); the gap and the critical "
                    "current are small and change steeply there",
                    where(bath.mark), format_quantity(bath.value), format_quantity(tc.value)));
  }
  if (!device.circuit) return;
  const Circuit& c = *device.circuit;
  const double bias_A = c.bias_current.value.value();
  const double ic0_A = c.critical_current.value.value();
  if (!(bias_A < ic0_A)) return;  // refused already against I_c0
  const double ic_A = critical_current_at_A(ic0_A, bath_K, tc_K);
  if (bias_A >= ic_A) {
    reader.report(
        c.bias_current.mark, "circuit.bias_current",
        fmt::format("a bias below the critical current at the bath, I_c(T_b) = I_c0 (1 - "
                    "(T_b/T_c)^2)^2 = {} (I_c0 {}, T_b {}, T_c {}); at or above it the wire is "
                    "resistive before any photon",
                    fmt::format("{:.4g} uA", ic_A * 1e6), format_quantity(c.critical_current.value),
                    format_quantity(bath.value), format_quantity(tc.value)),
        "'" + format_quantity(c.bias_current.value) + "'");
  } else if (bias_A > unusual_bias_fraction_of_ic * ic_A) {
    device.warnings.push_back(fmt::format(
        "{}: circuit.bias_current: {} is above 0.95 I_c(T_b) = {}; so close to the critical "
        "current the wire switches on small fluctuations (dark counts) and the answers depend "
        "steeply on I_c0",
        where(c.bias_current.mark), format_quantity(c.bias_current.value),
        fmt::format("{:.4g} uA", ic_A * 1e6)));
  }
}

}  // namespace filmtherm::input
