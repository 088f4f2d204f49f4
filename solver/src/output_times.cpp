#include "output_times.h"

#include <algorithm>
#include <cmath>

namespace filmtherm::detail {

std::vector<double> output_times_s(const SolverSettings& settings, double start_s,
                                   const PhotonDeposit& photon) {
  const double end_s = settings.end_time.value.value();
  const auto count = static_cast<std::size_t>(settings.output_count.value);
  std::vector<double> times;
  for (std::size_t k = 0; k < count; ++k) {
    const double fraction = static_cast<double>(k) / static_cast<double>(count - 1);
    if (settings.output_spacing == OutputSpacing::logarithmic) {
      const double first_s = settings.first_output_time.value.value();
      times.push_back(start_s + first_s * std::pow((end_s - start_s) / first_s, fraction));
    } else {
      times.push_back(start_s + (end_s - start_s) * fraction);
    }
  }
  times.back() = end_s;
  times.push_back(start_s);
  if (photon.is_pulse()) {
    const double half_window_s = PhotonDeposit::pulse_half_window_fwhm * photon.pulse_fwhm_s;
    constexpr int pulse_samples = 40;
    for (int k = 0; k <= pulse_samples; ++k) {
      times.push_back(photon.arrival_time_s - half_window_s +
                      2.0 * half_window_s * k / pulse_samples);
    }
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::erase_if(times, [end_s](double t) { return t > end_s; });
  return times;
}

}  // namespace filmtherm::detail
