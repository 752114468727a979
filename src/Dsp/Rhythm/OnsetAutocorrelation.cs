using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// The global tempogram librosa's tempo estimate starts from (<c>librosa.feature.tempogram</c>
/// averaged over time): the onset envelope, padded by half a window with linear ramps from zero,
/// is cut into windows of <c>WindowLength</c> frames (one per envelope frame), each Hann-windowed,
/// autocorrelated, and scaled to a maximum of 1; the result is the mean over windows, per lag.
/// </summary>
public sealed class OnsetAutocorrelation
{
    private readonly double[] _window;
    private readonly RealFft _fft;
    private readonly double[] _frame;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _spectrum;
    private double[] _padded = [];

    public OnsetAutocorrelation(int windowLength = 384)
    {
        WindowLength = windowLength;
        _window = HannWindow.Periodic(windowLength);
        // Linear autocorrelation needs 2 L - 1 points; a power of two at least that long avoids wrap-around.
        var size = 4;
        while (size < 2 * windowLength - 1) size <<= 1;
        _fft = new RealFft(size);
        _frame = new double[size];
        _re = new double[size / 2 + 1];
        _im = new double[size / 2 + 1];
        _spectrum = new double[size];
    }

    public int WindowLength { get; }

    /// <summary>Mean normalised autocorrelation per lag (length <see cref="WindowLength"/>).</summary>
    public double[] Compute(ReadOnlySpan<float> envelope)
    {
        var n = envelope.Length;
        var half = WindowLength / 2;
        var paddedLength = n + 2 * half;
        if (_padded.Length < paddedLength) _padded = new double[paddedLength];
        var padded = _padded;
        // numpy.pad(mode='linear_ramp', end_values=0): ramps from 0 up to (not including) the edge value.
        var first = n > 0 ? envelope[0] : 0f;
        var last = n > 0 ? envelope[n - 1] : 0f;
        for (var i = 0; i < half; i++)
        {
            padded[i] = (float)(first * (double)i / half);
            padded[half + n + i] = (float)(last * (double)(half - 1 - i) / half);
        }
        for (var i = 0; i < n; i++) padded[half + i] = envelope[i];

        var mean = new double[WindowLength];
        if (n == 0) return mean;
        // Each window's autocorrelation is the inverse transform of its power spectrum, scaled to
        // a maximum of 1; the maximum of an autocorrelation is its lag-0 value, the window's
        // energy. The inverse transform is linear, so the mean over windows is the inverse
        // transform of the mean of the energy-scaled power spectra: one inverse transform per
        // track instead of one per window.
        var size = _frame.Length;
        Array.Clear(_spectrum);
        var t = 0;
        if (Vector256.IsHardwareAccelerated && paddedLength >= n + WindowLength - 1)
        {
            // Four windows at a time for the energies: lane j sums window t + j's squares in the
            // same order as the scalar loop (i = 0, 1, ...), so each energy is the same double;
            // four independent sums instead of one chain of dependent additions.
            ref var source = ref MemoryMarshal.GetArrayDataReference(padded);
            for (; t <= n - 4; t += 4)
            {
                var energies = Vector256<double>.Zero;
                for (var i = 0; i < WindowLength; i++)
                {
                    var v = Vector256.LoadUnsafe(ref source, (nuint)(t + i)) * Vector256.Create(_window[i]);
                    energies += v * v;
                }
                for (var j = 0; j < 4; j++) AddWindow(padded, t + j, energies.GetElement(j));
            }
        }
        for (; t < n; t++)
        {
            double energy = 0;
            for (var i = 0; i < WindowLength; i++)
            {
                var v = padded[t + i] * _window[i];
                energy += v * v;
            }
            AddWindow(padded, t, energy);
        }
        for (var k = size / 2 + 1; k < size; k++) _spectrum[k] = _spectrum[size - k];
        _fft.Forward(_spectrum, _re, _im);
        // The forward transform of the (real, even) power spectrum is size x the autocorrelation.
        for (var lag = 0; lag < WindowLength; lag++) mean[lag] = _re[lag] / size;
        for (var lag = 0; lag < WindowLength; lag++) mean[lag] /= n;
        return mean;
    }

    /// <summary>Adds the energy-scaled power spectrum of the window starting at padded[t].</summary>
    private void AddWindow(double[] padded, int t, double energy)
    {
        // librosa's normalize(norm=inf) leaves all-zero windows as they are: they add nothing.
        if (energy < 2.2250738585072014e-308)
            return;
        var frame = _frame.AsSpan(0, WindowLength);
        var source = padded.AsSpan(t, WindowLength);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= frame.Length - 4; i += 4)
                (Vector256.Create<double>(source.Slice(i, 4)) * Vector256.Create<double>(_window.AsSpan(i, 4))).CopyTo(frame.Slice(i, 4));
        for (; i < frame.Length; i++) frame[i] = source[i] * _window[i];
        _fft.Forward(_frame, _re, _im);
        var scale = 1.0 / energy;
        var bins = _re.Length;
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scales = Vector256.Create(scale);
            ref var re = ref MemoryMarshal.GetArrayDataReference(_re);
            ref var im = ref MemoryMarshal.GetArrayDataReference(_im);
            ref var spectrum = ref MemoryMarshal.GetArrayDataReference(_spectrum);
            for (; k <= bins - 4; k += 4)
            {
                var r = Vector256.LoadUnsafe(ref re, (nuint)k);
                var m = Vector256.LoadUnsafe(ref im, (nuint)k);
                (Vector256.LoadUnsafe(ref spectrum, (nuint)k) + (r * r + m * m) * scales).StoreUnsafe(ref spectrum, (nuint)k);
            }
        }
        for (; k < bins; k++) _spectrum[k] += (_re[k] * _re[k] + _im[k] * _im[k]) * scale;
    }
}
