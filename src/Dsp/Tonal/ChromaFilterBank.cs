namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// The STFT-to-chroma projection of <c>librosa.filters.chroma(sr, n_fft, n_chroma=12, tuning,
/// ctroct=5, octwidth=2, norm=2, base_c=True)</c>: Gaussian bumps around each pitch class per FFT
/// bin (width one semitone, or the bin spacing where that is wider), columns normalised to unit
/// L2 norm, weighted by a Gaussian over octaves centred on octave 5, rows starting at C.
/// Computed in double and stored as float32 like librosa.
/// </summary>
public sealed class ChromaFilterBank
{
    public ChromaFilterBank(double tuning, double sampleRate = 22050, int fftSize = 2048, int chromaCount = 12,
        double centreOctave = 5.0, double octaveWidth = 2.0)
    {
        ChromaCount = chromaCount;
        BinCount = fftSize / 2 + 1;
        Tuning = tuning;
        Weights = new float[chromaCount * BinCount];

        // Fractional chroma bin of every FFT bin (librosa drops the DC bin and invents one 1.5 octaves below bin 1).
        var a440 = 440.0 * Math.Pow(2.0, tuning / chromaCount);
        var binHz = sampleRate / fftSize;
        var frqbins = new double[fftSize];
        for (var k = 1; k < fftSize; k++)
            frqbins[k] = chromaCount * Math.Log2(k * binHz / (a440 / 16));
        frqbins[0] = frqbins[1] - 1.5 * chromaCount;
        var widths = new double[fftSize];
        for (var k = 0; k < fftSize - 1; k++)
            widths[k] = Math.Max(frqbins[k + 1] - frqbins[k], 1.0);
        widths[fftSize - 1] = 1.0;

        var half = Math.Round(chromaCount / 2.0, MidpointRounding.ToEven);
        var column = new double[chromaCount];
        var roll = 3 * (chromaCount / 12);
        for (var k = 0; k < BinCount; k++)
        {
            double norm = 0;
            for (var c = 0; c < chromaCount; c++)
            {
                // Distance to pitch class c, wrapped into [-n/2, n/2).
                var d = (frqbins[k] - c + half + 10 * chromaCount) % chromaCount - half;
                var z = 2 * d / widths[k];
                column[c] = Math.Exp(-0.5 * z * z);
                norm += column[c] * column[c];
            }
            norm = Math.Sqrt(norm);
            var octave = (frqbins[k] / chromaCount - centreOctave) / octaveWidth;
            var octaveWeight = Math.Exp(-0.5 * octave * octave);
            for (var c = 0; c < chromaCount; c++)
            {
                var value = column[c] / norm * octaveWeight;
                // base_c: row r of the result is row r + 3 of the A-based bank.
                var row = ((c - roll) % chromaCount + chromaCount) % chromaCount;
                Weights[row * BinCount + k] = (float)value;
            }
        }
    }

    public int ChromaCount { get; }

    public int BinCount { get; }

    public double Tuning { get; }

    /// <summary>Row-major chroma x bin weights.</summary>
    public float[] Weights { get; }
}
