using GenreOrleans.Dsp.Features;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

public sealed class MelBandScalerTests
{
    [Fact]
    public void Band_at_the_floor_in_every_training_frame_keeps_an_unseen_track_on_the_scale_of_its_level()
    {
        // Two bands, three frames per clip: band 0 moves, band 1 sits at the -80 dB floor up to float rounding,
        // as the top bands of a library band-limited below them do.
        var clips = new[]
        {
            Clip(new float[] { -20, -30, -40, -80f, -80.00001f, -79.99999f }),
            Clip(new float[] { -25, -35, -45, -80f, -80f, -80.00001f }),
        };

        var scaler = MelBandScaler.Fit(clips, bands: 2);
        var unseen = scaler.Transform(new float[] { -30, -50 });

        Assert.InRange(unseen[1], 29.9f, 30.1f);
        Assert.InRange(Math.Abs(unseen[0]), 0f, 2f);
    }

    private static TrainingClip Clip(float[] mel) =>
        new(new ClipFeatures(new FeatureMatrix(2, 3, mel), new float[4], new float[1]), Genre: 0);
}
