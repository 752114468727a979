namespace GenreOrleans.Dsp.Tonal;

/// <summary>Configuration of <see cref="PitchClassProfile"/>.</summary>
public sealed class PitchClassProfileOptions
{
    /// <summary>Lowest frequency analysed, in Hz (HPCP-based key estimators use about 25–100 Hz).</summary>
    public double MinHz { get; init; } = 55;

    /// <summary>Highest frequency analysed, in Hz: above about 3.5 kHz the partials add noise more than pitch.</summary>
    public double MaxHz { get; init; } = 3500;

    /// <summary>
    /// Compression of each frame's semitone spectrum, log(1 + η x) after scaling the frame to
    /// unit maximum (Müller and Ewert's "logarithmic compression", CLP chroma); 0 keeps it linear.
    /// Off by default: after peak picking and whitening it lowered the MIREX score on the
    /// annotated set (η = 10 and 100 both, on both halves; docs/tempo-key.md).
    /// </summary>
    public double LogCompression { get; init; }

    /// <summary>
    /// Half-width, in semitones, of the running mean subtracted from the semitone spectrum
    /// (spectral whitening, as in Mauch and Dixon's NNLS chroma and Faraldo's EDM key
    /// estimator); 0 switches whitening off.
    /// </summary>
    public int WhiteningSemitones { get; init; } = 6;

    /// <summary>
    /// Length in frames of the median filter along time applied to every semitone before
    /// folding (the harmonic half of Fitzgerald's harmonic/percussive separation); drums are
    /// short in time and disappear, held notes remain. 1 switches it off; odd values only.
    /// </summary>
    public int HarmonicMedianFrames { get; init; } = 9;

    /// <summary>
    /// Scale each frame to unit maximum before compression and whitening, so that every frame
    /// counts the same; otherwise loud frames count more.
    /// </summary>
    public bool NormaliseFrames { get; init; } = true;

    /// <summary>Use only local spectral peaks (as HPCP does), so noise between partials does not count.</summary>
    public bool PeaksOnly { get; init; } = true;
}
