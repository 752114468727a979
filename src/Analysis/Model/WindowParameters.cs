namespace GenreOrleans.Analysis.Model;

/// <summary>
/// How a track is cut into model windows: log-mel frames at <see cref="SampleRate"/> /
/// <see cref="HopLength"/>, <see cref="FramesPerWindow"/> frames per window (about 3 s),
/// successive windows <see cref="WindowHop"/> frames apart. A track that would need more than
/// <see cref="MaxWindows"/> windows (0: no limit) gets that many, spread evenly over it, but never
/// further apart than one window, so every frame is still scored: windows that tile a long track
/// tell its genre as well as windows that overlap, at half the model's time. With 100 (the default
/// since model 1.10.0) the usual hop holds up to 2.5 minutes, a 5-minute track gets 101 windows
/// instead of 201, and a 2-hour set is tiled (2,423 instead of 4,845).
/// </summary>
public sealed record WindowParameters(int SampleRate, int HopLength, int MelBands, int FramesPerWindow, int WindowHop, int MaxWindows = 0)
{
    public static WindowParameters Default { get; } = new(22050, 512, 128, 128, 64, MaxWindows: 100);

    public double SecondsPerFrame => (double)HopLength / SampleRate;
}
