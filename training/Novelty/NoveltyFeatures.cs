using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Training.Novelty;

/// <summary>
/// Which descriptor values the novelty measure reads: the feature summary's timbre and harmony
/// statistics, without those that mostly measure how much of the spectrum near the top (up to
/// 11 kHz at 22.05 kHz) holds energy — roll-off, flatness, zero-crossing rate, centroid,
/// bandwidth, the top contrast band and MFCCs 13–19. Most training clips are band-limited
/// low-rate MP3s, so with those in, a full-band copy of a training clip (resampled by ffmpeg,
/// brightened, or simply a modern master) looked "unfamiliar" (measured: 92 % of brightened
/// clips flagged against 10 % untouched; 10 % without them), and the flag measured bandwidth,
/// not music. Tempo is left out too: it is the rhythm's, not the sound's.
/// </summary>
public static class NoveltyFeatures
{
    private static readonly string[] BandwidthBound =
    [
        "spectral_rolloff", "spectral_flatness", "zero_crossing_rate", "spectral_centroid", "spectral_bandwidth",
        "spectral_contrast[6]", "tempo_bpm",
        .. Enumerable.Range(13, 7).Select(k => $"mfcc_20[{k}]"),
    ];

    /// <summary>Indices into the descriptor vector (whose head is the <see cref="FeatureSummary"/>).</summary>
    public static int[] Indices { get; } = FeatureSummary.Names
        .Select((name, index) => (name, index))
        .Where(x => !BandwidthBound.Any(prefix => x.name == prefix || x.name.StartsWith(prefix + ".", StringComparison.Ordinal)))
        .Select(x => x.index)
        .ToArray();
}
