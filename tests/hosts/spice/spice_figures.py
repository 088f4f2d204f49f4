"""Detection figures computed from a trace, the same way for both programs.

The figures of docs/spice.md, "Agreement": the peak output voltage and its
time (a parabola through the largest sample and its neighbours), the hotspot's
lifetime (the first sample after the last one with R_hs > 0, the resistance
of the smoothed switch being exactly zero once every cell has left its band),
the 90 % current recovery (the current back to 0.9 I_b after its minimum,
linear between the samples that straddle it) and whether the wire latched
(R_hs > 0 at the end).
"""
import numpy as np


def read_csv(path):
    """A CSV with a header row (and '#' comment lines) as a dict of columns."""
    with open(path) as f:
        lines = [line for line in f if not line.startswith("#")]
    names = lines[0].strip().split(",")
    data = np.loadtxt(lines[1:], delimiter=",", ndmin=2)
    return {name: data[:, i] for i, name in enumerate(names)}


def peak(time, value):
    """Largest value and its time, refined by a parabola through three samples."""
    k = int(np.argmax(value))
    if 0 < k < len(value) - 1:
        t = time[k - 1:k + 2]
        v = value[k - 1:k + 2]
        a, b, c = np.polyfit(t - t[1], v, 2)
        if a < 0:
            dt = -b / (2 * a)
            if abs(dt) <= max(t[2] - t[1], t[1] - t[0]):
                return c - b * b / (4 * a), t[1] + dt
    return value[k], time[k]


def figures(time, current, resistance, output_voltage, bias_current):
    """The detection figures (see the module docstring) as a dict."""
    v_peak, t_peak = peak(time, output_voltage)
    resistive = np.nonzero(resistance > 0)[0]
    latched = bool(resistance[-1] > 0)
    lifetime = None
    if len(resistive) and not latched:
        lifetime = time[resistive[-1] + 1]
    k = int(np.argmin(current))
    recovery = None
    target = 0.9 * bias_current
    for i in range(k + 1, len(time)):
        if current[i] >= target:
            u = (target - current[i - 1]) / (current[i] - current[i - 1])
            recovery = time[i - 1] + u * (time[i] - time[i - 1])
            break
    return {
        "peak_output_voltage": v_peak,
        "peak_output_time": t_peak,
        "hotspot_lifetime": lifetime,
        "recovery_90_time": recovery,
        "latched": latched,
    }
