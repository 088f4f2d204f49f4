#include <fmt/format.h>

#include "filmtherm/electrothermal_wire.h"
#include "filmtherm/point_runner.h"
#include "filmtherm/wire_run_options.h"

namespace filmtherm {

namespace {

const std::vector<FigureDeclaration> figures_of_a_wire{
    {"peak_output_voltage", "V", "largest V_out = R_L (I_b - I)"},
    {"peak_output_time", "s", "when V_out peaks, after the photon's arrival"},
    {"minimum_current", "A", "smallest current through the wire"},
    {"peak_temperature", "K", "hottest temperature along the wire"},
    {"max_hotspot_length", "m", "longest resistive length"},
    {"max_hotspot_resistance", "Ohm", "largest hotspot resistance R_hs"},
    {"hotspot_lifetime", "s", "when the last cell turned superconducting; empty when latched"},
    {"recovery_90_time", "s", "when the current was back to 0.9 I_b (the reset time)"},
    {"recovery_99_time", "s", "when the current was back to 0.99 I_b"},
    {"recovery_90_of_dip_time", "s", "when I_b - I fell to 10% of its dip"},
    {"recovery_99_of_dip_time", "s", "when I_b - I fell to 1% of its dip"},
    {"recovery_time_constant", "s", "tau of I_inf - dI exp(-t/tau) fitted to the recovery"},
    {"inductive_time_constant", "s", "L_k/R_L"},
    {"latched", "",
     "1 when the wire does not reset (a stationary domain, or relaxation oscillations), else 0"},
    {"final_hotspot_resistance", "Ohm", "R_hs at the end time"},
    {"heat_relative_error", "", "relative error of the heat book at the end time"},
    {"circuit_relative_error", "", "relative error of the circuit's energy book at the end time"},
    {"steps", "", "CVODE steps"},
    {"switch_events", "", "resistive switches located by root finding"},
};

class WireRunner final : public PointRunner {
 public:
  explicit WireRunner(const PluginRegistry& registry) : registry_(registry) {}

  const std::vector<FigureDeclaration>& figures() const override { return figures_of_a_wire; }

  SummaryFigures run(const Device& device) override {
    // The point's own `wire:` keys (a study may sweep them); the profiles are
    // not kept, a study records figures only.
    WireModelOptions options = wire_model_options(device);
    options.record_profiles = false;
    ElectrothermalWire wire(device, registry_, options);
    const WireResult r = wire.run();
    const WireSummary& s = r.summary;
    const std::vector<std::optional<double>> values{
        s.peak_output_voltage_V,
        s.peak_output_time_s,
        s.minimum_current_A,
        s.peak_temperature_K,
        s.max_hotspot_length_m,
        s.max_hotspot_resistance_Ohm,
        s.hotspot_lifetime_s,
        s.current_recovery_90_time_s,
        s.current_recovery_99_time_s,
        s.recovery_90_time_s,
        s.recovery_99_time_s,
        s.recovery_time_constant_s,
        s.inductive_time_constant_s,
        s.latched ? 1.0 : 0.0,
        s.final_hotspot_resistance_Ohm,
        r.energy.heat_relative_error,
        r.energy.circuit_relative_error,
        static_cast<double>(r.statistics.steps),
        static_cast<double>(r.switch_events),
    };
    SummaryFigures result;
    for (std::size_t i = 0; i < figures_of_a_wire.size(); ++i) {
      result.add(figures_of_a_wire[i].name, figures_of_a_wire[i].unit, values[i]);
    }
    return result;
  }

 private:
  const PluginRegistry& registry_;
};

}  // namespace

std::unique_ptr<PointRunner> make_wire_runner(const PluginRegistry& registry) {
  return std::make_unique<WireRunner>(registry);
}

const std::vector<FigureDeclaration>& wire_figures() {
  return figures_of_a_wire;
}

}  // namespace filmtherm
