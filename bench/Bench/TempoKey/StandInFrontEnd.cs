using System.Numerics;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// A compact librosa-style front end (n_fft 2048, hop 512, periodic Hann, centred with zero
/// padding; 128-band Slaney mel in dB; onset strength as the mean positive dB rise between
/// frames; chroma from Gaussian log-frequency filters normalised per frame). It stands in for
/// the features helper's OnsetStrength and ChromaStft until those are on main, so that the
/// tempo and key evaluation can run end to end on our code.
/// </summary>
internal sealed class StandInFrontEnd
{
    public const int SampleRate = 22050;
    public const int FftSize = 2048;
    public const int Hop = 512;
    private const int Bins = FftSize / 2 + 1;
    private const int MelBands = 128;

    private readonly double[] _window = new double[FftSize];
    private readonly double[][] _mel;
    private readonly double[][] _chroma;

    public StandInFrontEnd()
    {
        for (var i = 0; i < FftSize; i++) _window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / FftSize);
        _mel = SlaneyMel();
        _chroma = ChromaFilters();
    }

    public sealed record Features(float[] Onset, float[] LowOnset, float[] Chroma, float[] Rms, int Frames);

    public Features Compute(float[] samples)
    {
        var frames = 1 + samples.Length / Hop;
        var power = new double[Bins];
        var spectrum = new Complex[FftSize];
        var melDb = new double[frames][];
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

            var db = new double[MelBands];
            for (var m = 0; m < MelBands; m++)
            {
                double s = 0;
                var w = _mel[m];
                for (var k = 0; k < Bins; k++) if (w[k] != 0) s += w[k] * power[k];
                db[m] = 10 * Math.Log10(Math.Max(1e-10, s));
            }
            melDb[t] = db;

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

        // power_to_db with top_db 80 over the whole clip, as librosa does.
        var top = melDb.SelectMany(d => d).DefaultIfEmpty(0).Max();
        foreach (var d in melDb) for (var m = 0; m < MelBands; m++) d[m] = Math.Max(d[m], top - 80);

        var onset = new float[frames];
        var low = new float[frames];
        for (var t = 1; t < frames; t++)
        {
            double all = 0, bass = 0;
            for (var m = 0; m < MelBands; m++)
            {
                var rise = Math.Max(0, melDb[t][m] - melDb[t - 1][m]);
                all += rise;
                if (m < 8) bass += rise;
            }
            onset[t] = (float)(all / MelBands);
            low[t] = (float)(bass / 8);
        }
        return new Features(onset, low, chroma, rms, frames);
    }

    private static double HzToMel(double f) =>
        f < 1000 ? f / (200.0 / 3) : 15 + Math.Log(f / 1000) / (Math.Log(6.4) / 27);

    private static double MelToHz(double m) =>
        m < 15 ? m * 200.0 / 3 : 1000 * Math.Exp((m - 15) * Math.Log(6.4) / 27);

    private static double[][] SlaneyMel()
    {
        var edges = new double[MelBands + 2];
        var top = HzToMel(SampleRate / 2.0);
        for (var i = 0; i < edges.Length; i++) edges[i] = MelToHz(top * i / (MelBands + 1));
        var bank = new double[MelBands][];
        for (var m = 0; m < MelBands; m++)
        {
            bank[m] = new double[Bins];
            var norm = 2 / (edges[m + 2] - edges[m]);
            for (var k = 0; k < Bins; k++)
            {
                var f = (double)k * SampleRate / FftSize;
                var lower = (f - edges[m]) / (edges[m + 1] - edges[m]);
                var upper = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                bank[m][k] = Math.Max(0, Math.Min(lower, upper)) * norm;
            }
        }
        return bank;
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
