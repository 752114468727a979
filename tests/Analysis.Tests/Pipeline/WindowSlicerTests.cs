using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public sealed class WindowSlicerTests
{
    private static readonly WindowParameters Window = WindowParameters.Default;

    [Fact]
    public void Windows_step_by_the_hop_and_the_last_one_reaches_the_final_frame()
    {
        var starts = WindowSlicer.Starts(300, Window);
        Assert.Equal(new[] { 0, 64, 128, 172 }, starts);
    }

    [Fact]
    public void A_track_shorter_than_one_window_gets_one_window_filled_by_repetition()
    {
        var mel = new FeatureMatrix(2, 3, new float[] { 1, 2, 3, 4, 5, 6 });
        var destination = new float[2 * 7];
        Assert.Equal(new[] { 0 }, WindowSlicer.Starts(3, Window));

        WindowSlicer.CopyWindow(mel, 0, 7, destination);

        Assert.Equal(new float[] { 1, 2, 3, 1, 2, 3, 1, 4, 5, 6, 4, 5, 6, 4 }, destination);
    }
}
