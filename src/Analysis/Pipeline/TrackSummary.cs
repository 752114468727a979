using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// The track-level summary vector the model's summary branch sees: per mel band, the mean and
/// the standard deviation of the log-mel over the whole track (the track's spectral balance and
/// how much each band moves). Versioned: a model records the version it was trained on and
/// refuses another.
/// </summary>
public static class TrackSummary
{
    public const string Version = "melstats-1";

    public static IReadOnlyList<string> Names(int bands) =>
        Enumerable.Range(0, bands).Select(b => $"mel{b:D3}_mean")
            .Concat(Enumerable.Range(0, bands).Select(b => $"mel{b:D3}_std"))
            .ToList();

    public static float[] Compute(FeatureMatrix mel)
    {
        var summary = new float[2 * mel.Rows];
        for (var band = 0; band < mel.Rows; band++)
        {
            var row = mel.Row(band);
            double sum = 0, square = 0;
            foreach (var v in row)
            {
                sum += v;
                square += (double)v * v;
            }
            var mean = sum / Math.Max(1, row.Length);
            summary[band] = (float)mean;
            summary[mel.Rows + band] = (float)Math.Sqrt(Math.Max(0, square / Math.Max(1, row.Length) - mean * mean));
        }
        return summary;
    }
}
