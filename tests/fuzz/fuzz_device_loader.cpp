// libFuzzer target: a device file from arbitrary bytes. The loader must either
// return a Device or throw InputError with at least one diagnostic; any other
// exception escaping, a crash, or undefined behaviour is a bug. Relative
// imports resolve against a folder that does not exist, so the run does not
// depend on the files around it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "filmtherm/device_loader.h"

namespace {

const filmtherm::PluginRegistry& registry() {
  static const filmtherm::PluginRegistry loaded = filmtherm::PluginRegistry::with_default_plugins();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const filmtherm::Device device =
        filmtherm::load_device_from_string(text, registry(), "/nonexistent-fuzz-folder/fuzz.yaml");
    if (!(device.film.thickness.value.value() > 0.0)) __builtin_trap();
  } catch (const filmtherm::InputError& error) {
    if (error.diagnostics().empty()) __builtin_trap();
  }
  return 0;
}
