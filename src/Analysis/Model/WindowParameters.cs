namespace GenreOrleans.Analysis.Model;

/// <summary>
/// How a track is cut into model windows: log-mel frames at <see cref="SampleRate"/> /
/// <see cref="HopLength"/>, <see cref="FramesPerWindow"/> frames per window (about 3 s),
/// successive windows <see cref="WindowHop"/> frames apart.
/// </summary>
public sealed record WindowParameters(int SampleRate, int HopLength, int MelBands, int FramesPerWindow, int WindowHop)
{
    public static WindowParameters Default { get; } = new(22050, 512, 128, 128, 64);

    public double SecondsPerFrame => (double)HopLength / SampleRate;
}
