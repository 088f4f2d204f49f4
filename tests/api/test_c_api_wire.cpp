// filmtherm_wire (a wire driven by a host's current) against the coupled
// wire of filmtherm_device_run: driven by the current the coupled run
// computed (linear between its output times), the wire must reproduce that
// run's hotspot (largest R_hs, when it vanished) to the accuracy the linear
// current allows. And the API's contract: refusals, save/restore, the step cap.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "filmtherm/filmtherm.h"

namespace {

const std::filesystem::path device_file =
    std::filesystem::path(FILMTHERM_SOURCE_DIR) / "examples/devices/yang2007-nbn.yaml";

// The device with dense output (4000 times from 0.1 ps): the driving current
// is then linear over steps short against the hotspot's life.
std::string dense_device_text() {
  std::ifstream in(device_file);
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::string key = "output_times:";
  const std::size_t at = yaml.find(key);
  const std::size_t end = yaml.find('\n', at);
  yaml.replace(at, end - at, "output_times: {spacing: log, count: 4000, first: 0.1 ps}");
  return yaml;
}

class CApiWire : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(filmtherm_context_create(&context_), FILMTHERM_OK) << filmtherm_last_error();
    const std::string yaml = dense_device_text();
    ASSERT_EQ(filmtherm_device_load_string(context_, yaml.c_str(), device_file.c_str(), &device_),
              FILMTHERM_OK)
        << filmtherm_context_errmsg(context_);
    filmtherm_run_options_init(&options_);
    options_.wire_cell_count = 100;
  }
  void TearDown() override {
    filmtherm_device_destroy(device_);
    filmtherm_context_destroy(context_);
  }
  std::vector<double> column(filmtherm_run* run, const char* name) {
    std::size_t rows = 0;
    EXPECT_EQ(filmtherm_run_trace_length(run, 0, &rows), FILMTHERM_OK);
    std::vector<double> out(rows);
    EXPECT_EQ(filmtherm_run_trace_column(run, 0, name, out.data(), rows), FILMTHERM_OK);
    return out;
  }

  filmtherm_context* context_ = nullptr;
  filmtherm_device* device_ = nullptr;
  filmtherm_run_options options_{};
};

TEST_F(CApiWire, DrivenByTheCoupledRunsCurrentReproducesItsHotspot) {
  filmtherm_run* run = nullptr;
  ASSERT_EQ(filmtherm_device_run(device_, &options_, &run), FILMTHERM_OK)
      << filmtherm_context_errmsg(context_);
  const std::vector<double> t = column(run, "t_s");
  const std::vector<double> current = column(run, "I_A");
  const std::vector<double> resistance = column(run, "R_hs_Ohm");
  filmtherm_run_destroy(run);

  filmtherm_wire* wire = nullptr;
  ASSERT_EQ(filmtherm_wire_create(device_, &options_, &wire), FILMTHERM_OK)
      << filmtherm_context_errmsg(context_);
  double start = -1.0;
  ASSERT_EQ(filmtherm_wire_start_time(wire, &start), FILMTHERM_OK);
  EXPECT_EQ(start, t.front());
  double driven_max = 0.0, run_max = 0.0, driven_gone = 0.0, run_gone = 0.0;
  for (std::size_t i = 1; i < t.size(); ++i) {
    ASSERT_EQ(filmtherm_wire_advance(wire, t[i], current[i - 1], current[i]), FILMTHERM_OK)
        << filmtherm_context_errmsg(context_);
    double r = 0.0;
    ASSERT_EQ(filmtherm_wire_observe(wire, current[i], &r, nullptr, nullptr, nullptr),
              FILMTHERM_OK);
    driven_max = std::max(driven_max, r);
    run_max = std::max(run_max, resistance[i]);
    if (r == 0.0 && driven_gone == 0.0 && driven_max > 0.0) driven_gone = t[i];
    if (resistance[i] == 0.0 && run_gone == 0.0 && run_max > 0.0) run_gone = t[i];
  }
  filmtherm_wire_destroy(wire);
  // The current between output times is linear here and curved in the run:
  // 4000 output times put the difference well below a per cent.
  EXPECT_NEAR(driven_max, run_max, 0.01 * run_max);
  ASSERT_GT(run_gone, 0.0);
  EXPECT_NEAR(driven_gone, run_gone, 0.01 * run_gone);
}

TEST_F(CApiWire, RefusesWhatItCannotDo) {
  filmtherm_run_options root = options_;
  root.wire_switch = FILMTHERM_WIRE_ROOT_FINDING;
  filmtherm_wire* wire = nullptr;
  EXPECT_EQ(filmtherm_wire_create(device_, &root, &wire), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(wire, nullptr);
  EXPECT_NE(std::string(filmtherm_context_errmsg(context_)).find("smoothed"), std::string::npos);

  ASSERT_EQ(filmtherm_wire_create(device_, nullptr, &wire), FILMTHERM_OK);
  EXPECT_EQ(filmtherm_wire_advance(wire, 0.0, 16.5e-6, 16.5e-6), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_advance(wire, 1e-12, std::nan(""), 16.5e-6),
            FILMTHERM_E_INVALID_ARGUMENT);
  double cap = 0.0;
  EXPECT_EQ(filmtherm_wire_max_step(wire, 16.5e-6, 0.0, 0.0, &cap), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_max_step(nullptr, 16.5e-6, 0.0, 0.02, &cap),
            FILMTHERM_E_INVALID_ARGUMENT);
  filmtherm_wire_destroy(wire);
}

TEST_F(CApiWire, RestoreRepeatsAStepAndTheCapIsFiniteWhileTheHotspotChanges) {
  filmtherm_wire* wire = nullptr;
  ASSERT_EQ(filmtherm_wire_create(device_, &options_, &wire), FILMTHERM_OK);
  double cap = 0.0;
  ASSERT_EQ(filmtherm_wire_max_step(wire, 16.5e-6, 0.0, 0.02, &cap), FILMTHERM_OK);
  EXPECT_GT(cap, 0.0);
  EXPECT_LT(cap, 1e-10);  // the hotspot changes within picoseconds at its start
  ASSERT_EQ(filmtherm_wire_advance(wire, 5e-12, 16.5e-6, 15e-6), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_save(wire), FILMTHERM_OK);
  auto step = [&] {
    EXPECT_EQ(filmtherm_wire_advance(wire, 10e-12, 15e-6, 12e-6), FILMTHERM_OK);
    double r = 0.0, hottest = 0.0;
    EXPECT_EQ(filmtherm_wire_observe(wire, 12e-6, &r, &hottest, nullptr, nullptr), FILMTHERM_OK);
    return std::pair{r, hottest};
  };
  const auto first = step();
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  double time = 0.0;
  ASSERT_EQ(filmtherm_wire_time(wire, &time), FILMTHERM_OK);
  EXPECT_EQ(time, 5e-12);
  const auto second = step();
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  const auto third = step();
  // From the same restart, bit for bit; against the first pass (which kept
  // CVODE's history) to its tolerance.
  EXPECT_EQ(second.first, third.first);
  EXPECT_EQ(second.second, third.second);
  EXPECT_NEAR(first.second, second.second, 1e-4 * first.second);
  std::size_t cells = 0;
  ASSERT_EQ(filmtherm_wire_cell_count(wire, &cells), FILMTHERM_OK);
  EXPECT_EQ(cells, 100u);
  std::vector<double> temperatures(cells);
  ASSERT_EQ(filmtherm_wire_temperatures(wire, temperatures.data(), cells), FILMTHERM_OK);
  EXPECT_DOUBLE_EQ(*std::max_element(temperatures.begin(), temperatures.end()), third.second);
  EXPECT_EQ(filmtherm_wire_temperatures(wire, temperatures.data(), cells - 1),
            FILMTHERM_E_BUFFER_TOO_SMALL);
  filmtherm_wire_destroy(wire);
}

}  // namespace
