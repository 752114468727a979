namespace GenreOrleans.Dsp.Features;

/// <summary>Constants shared by the spectral features.</summary>
internal static class SpectralNorms
{
    /// <summary><c>numpy.finfo(float32).tiny</c>, librosa's threshold below which a column is not normalised.</summary>
    public const double Float32Tiny = 1.1754943508222875e-38;
}
