// The C API runs a wire device as its file defines it: the `wire:` keys of
// the device reach filmtherm_device_run, and a field of filmtherm_run_options
// that the host sets overrides its own key only (docs/c-api.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "filmtherm/filmtherm.h"

namespace {

const std::filesystem::path yang_file =
    std::filesystem::path(FILMTHERM_SOURCE_DIR) / "examples/devices/yang2007-nbn.yaml";

std::string summary_of(const filmtherm_run* run) {
  size_t length = 0;
  EXPECT_EQ(filmtherm_run_summary_json(run, nullptr, 0, &length), FILMTHERM_E_BUFFER_TOO_SMALL);
  std::string json(length + 1, '\0');
  EXPECT_EQ(filmtherm_run_summary_json(run, json.data(), json.size(), nullptr), FILMTHERM_OK);
  json.resize(length);
  return json;
}

TEST(CApiWireSettings, TheDevicesWireKeysReachTheRunAndHostFieldsOverrideThem) {
  filmtherm_context* context = nullptr;
  ASSERT_EQ(filmtherm_context_create(&context), FILMTHERM_OK);
  std::ostringstream text;
  text << std::ifstream(yang_file).rdbuf()
       << "\nwire:\n  cells: 30\n  switch: root-finding\n  record_profiles: false\n";
  filmtherm_device* device = nullptr;
  ASSERT_EQ(filmtherm_device_load_string(context, text.str().c_str(), yang_file.c_str(), &device),
            FILMTHERM_OK)
      << filmtherm_context_errmsg(context);

  filmtherm_run* run = nullptr;
  ASSERT_EQ(filmtherm_device_run(device, nullptr, &run), FILMTHERM_OK)
      << filmtherm_context_errmsg(context);
  const std::string from_file = summary_of(run);
  filmtherm_run_destroy(run);
  EXPECT_NE(from_file.find("\"wire_settings\": {\n    \"cells\": 30,"), std::string::npos)
      << from_file;
  EXPECT_NE(from_file.find("\"switch\": \"root-finding\""), std::string::npos);

  filmtherm_run_options options;
  ASSERT_EQ(filmtherm_run_options_init(&options), FILMTHERM_OK);
  options.wire_cell_count = 36;
  run = nullptr;
  ASSERT_EQ(filmtherm_device_run(device, &options, &run), FILMTHERM_OK)
      << filmtherm_context_errmsg(context);
  const std::string overridden = summary_of(run);
  filmtherm_run_destroy(run);
  EXPECT_NE(overridden.find("\"wire_settings\": {\n    \"cells\": 36,"), std::string::npos)
      << overridden;
  EXPECT_NE(overridden.find("\"switch\": \"root-finding\""), std::string::npos);  // the file's
  EXPECT_NE(overridden.find("\"record_profiles\": false"), std::string::npos);

  filmtherm_device_destroy(device);
  filmtherm_context_destroy(context);
}

}  // namespace
