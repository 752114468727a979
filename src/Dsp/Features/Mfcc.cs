using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// MFCCs as <c>librosa.feature.mfcc</c> (DCT-II, orthonormal, no liftering) of a mel dB
/// spectrogram. Because the orthonormal DCT is truncated, the first 13 of 20 coefficients equal
/// the 13-coefficient MFCCs exactly.
/// </summary>
public sealed class Mfcc
{
    private readonly Dct2 _dct;
    private readonly float[] _column;
    private readonly float[] _coefficients;

    public Mfcc(int coefficientCount = 20, int bandCount = 128)
    {
        _dct = new Dct2(bandCount, coefficientCount);
        _column = new float[bandCount];
        _coefficients = new float[coefficientCount];
    }

    public int CoefficientCount => _dct.OutputCount;

    /// <summary>MFCCs of every frame of <paramref name="melDb"/> (bands x frames).</summary>
    public FeatureMatrix Compute(FeatureMatrix melDb)
    {
        var frames = melDb.Columns;
        var result = new float[CoefficientCount * frames];
        for (var t = 0; t < frames; t++)
        {
            for (var m = 0; m < melDb.Rows; m++)
                _column[m] = melDb.Data[m * frames + t];
            _dct.Transform(_column, _coefficients);
            for (var k = 0; k < _coefficients.Length; k++)
                result[k * frames + t] = _coefficients[k];
        }
        return new FeatureMatrix(CoefficientCount, frames, result);
    }

    /// <summary>The first <paramref name="count"/> rows of an MFCC matrix.</summary>
    public static FeatureMatrix FirstCoefficients(FeatureMatrix mfcc, int count) =>
        new(count, mfcc.Columns, mfcc.Data[..(count * mfcc.Columns)]);
}
