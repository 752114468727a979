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
    public void A_track_that_needs_more_windows_than_the_maximum_gets_the_maximum_spread_evenly_to_its_end()
    {
        var starts = WindowSlicer.Starts(300, Window with { MaxWindows = 3 });
        Assert.Equal(new[] { 0, 86, 172 }, starts);
    }

    [Theory]
    [InlineData(300, 101)]
    [InlineData(7200, 2423)]
    public void A_long_track_under_a_limit_of_100_windows_is_tiled_end_to_end_by_windows_that_never_leave_a_gap(int seconds, int expectedWindows)
    {
        var frames = (int)(seconds / Window.SecondsPerFrame);

        var starts = WindowSlicer.Starts(frames, Window with { MaxWindows = 100 });

        Assert.Equal(expectedWindows, starts.Count);
        Assert.Equal(frames - Window.FramesPerWindow, starts[^1]);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1, Window.FramesPerWindow));
    }

    [Fact]
    public void A_track_within_the_maximum_keeps_the_usual_hop()
    {
        Assert.Equal(WindowSlicer.Starts(300, Window), WindowSlicer.Starts(300, Window with { MaxWindows = 4 }));
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
