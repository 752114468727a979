using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Training;

/// <summary>
/// The network's input scaler: each mel band's mean and deviation over every frame of the training clips. A band that
/// never moves in training (a library band-limited below it, always at the floor) gets deviation 1, as in
/// <see cref="FeatureScaler.Fit"/>, so a track with content there cannot swamp the window.
/// </summary>
internal static class MelBandScaler
{
    public static FeatureScaler Fit(IReadOnlyList<TrainingClip> train, int bands)
    {
        var sum = new double[bands];
        var square = new double[bands];
        long frames = 0;
        foreach (var clip in train)
        {
            var mel = clip.Features.Mel;
            for (var b = 0; b < bands; b++)
            {
                foreach (var v in mel.Row(b))
                {
                    sum[b] += v;
                    square[b] += (double)v * v;
                }
            }
            frames += mel.Columns;
        }
        var mean = new float[bands];
        var deviation = new float[bands];
        for (var b = 0; b < bands; b++)
        {
            var mu = sum[b] / frames;
            mean[b] = (float)mu;
            deviation[b] = FeatureScaler.UsableDeviation(mu, square[b] / frames - mu * mu);
        }
        return new FeatureScaler(mean, deviation);
    }
}
