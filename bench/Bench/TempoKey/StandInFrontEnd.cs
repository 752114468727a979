using System.Numerics;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// The evaluation's front end. Tempo envelopes come from the product's LogMelSpectrogram via
/// TempoEnvelopes (librosa's onset strength and two band envelopes). The chroma is a compact
/// stand-in for the features helper's ChromaStft until that is on main: periodic Hann STFT
/// (2048/512, centred, zero padded), Gaussian log-frequency pitch-class filters weighted
/// around C5 as librosa shapes them, normalised per frame, without a tuning estimate.
/// </summary>
internal sealed class StandInFrontEnd
{
    public const int SampleRate = 22050;
    public const int FftSize = 2048;
    public const int Hop = 512;
    private const int Bins = FftSize / 2 + 1;

    private readonly double[] _window = new double[FftSize];
    private readonly LogMelSpectrogram _logMel = new(SampleRate, FftSize, Hop);
    private readonly double[][] _chroma;

    public StandInFrontEnd()
    {
        for (var i = 0; i < FftSize; i++) _window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / FftSize);
        _chroma = ChromaFilters();
    }

    public sealed record Features(float[] Onset, float[] LowOnset, float[] MidOnset, float[] Chroma, float[] Rms, int Frames);

    /// <summary>
    /// Tempo envelopes from the product's own LogMelSpectrogram and TempoEnvelopes; chroma from
    /// the stand-in filters below until ChromaStft is on main.
    /// </summary>
    public Features Compute(float[] samples)
    {
        var envelopes = TempoEnvelopes.FromLogMel(_logMel.Compute(samples), SampleRate);
        var frames = envelopes.Onset.Length;
        var power = new double[Bins];
        var spectrum = new Complex[FftSize];
        var chroma = new float[12 * frames];
        var rms = new float[frames];
        Span<double> c = stackalloc double[12];
        for (var t = 0; t < frames; t++)
        {
            var start = t * Hop - FftSize / 2;
            double energy = 0;
            for (var i = 0; i < FftSize; i++)
            {
                var j = start + i;
                var x = j >= 0 && j < samples.Length && float.IsFinite(samples[j]) ? samples[j] : 0;
                energy += x * x;
                spectrum[i] = new Complex(x * _window[i], 0);
            }
            rms[t] = (float)Math.Sqrt(energy / FftSize);
            Fft(spectrum);
            for (var k = 0; k < Bins; k++) power[k] = spectrum[k].Real * spectrum[k].Real + spectrum[k].Imaginary * spectrum[k].Imaginary;

            double max = 0;
            for (var pc = 0; pc < 12; pc++)
            {
                double s = 0;
                var w = _chroma[pc];
                for (var k = 0; k < Bins; k++) s += w[k] * power[k];
                c[pc] = s;
                max = Math.Max(max, s);
            }
            for (var pc = 0; pc < 12; pc++) chroma[pc * frames + t] = max > 1e-20 ? (float)(c[pc] / max) : 0;
        }
        return new Features(envelopes.Onset, envelopes.LowBand, envelopes.MidBand, chroma, rms, frames);
    }

    /// <summary>Gaussian pitch-class weights per FFT bin, weighted towards octaves around C5 (librosa's default shape).</summary>
    private static double[][] ChromaFilters()
    {
        var bank = new double[12][];
        for (var pc = 0; pc < 12; pc++) bank[pc] = new double[Bins];
        Span<double> w = stackalloc double[12];
        for (var k = 1; k < Bins; k++)
        {
            var f = (double)k * SampleRate / FftSize;
            var octs = Math.Log2(f / (440.0 / 16));
            var pitch = 12 * octs; // 0 = A0 region, pitch class 0 = A
            var fPrev = Math.Max(1, k - 1) * (double)SampleRate / FftSize;
            var width = Math.Max(1, 12 * (octs - Math.Log2(fPrev / (440.0 / 16))));
            var octaveWeight = Math.Exp(-0.5 * Math.Pow((octs - 5.0) / 2.0, 2));
            double norm = 0;
            for (var pcA = 0; pcA < 12; pcA++)
            {
                var d = pitch - pcA;
                d = ((d + 6) % 12 + 12) % 12 - 6;
                w[pcA] = Math.Exp(-0.5 * Math.Pow(2 * d / width, 2));
                norm += w[pcA] * w[pcA];
            }
            norm = Math.Sqrt(norm);
            for (var pcA = 0; pcA < 12; pcA++)
            {
                // Pitch class counted from A; row 0 of the output is C, three semitones above A.
                var pcC = (pcA + 9) % 12;
                bank[pcC][k] = norm > 0 ? w[pcA] / norm * octaveWeight : 0;
            }
        }
        return bank;
    }

    private static void Fft(Complex[] a)
    {
        var n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
        for (var len = 2; len <= n; len <<= 1)
        {
            var angle = -2 * Math.PI / len;
            var wl = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var i = 0; i < n; i += len)
            {
                var w = Complex.One;
                for (var j = 0; j < len / 2; j++)
                {
                    var u = a[i + j];
                    var v = a[i + j + len / 2] * w;
                    a[i + j] = u + v;
                    a[i + j + len / 2] = u - v;
                    w *= wl;
                }
            }
        }
    }
}
