using System.Globalization;
using GenreOrleans.Dsp.Spectral;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Development aid: writes each keyed recording's 12-value profiles (the product's pitch-class
/// profile, the same over the bass and over the upper range only, and the parity chroma summed
/// over frames) to a CSV, so that profile-level ideas can be tried offline in seconds.
/// </summary>
internal static class KeyProfileDump
{
    private static readonly (string Name, PitchClassProfileOptions Options)[] Variants =
    [
        ("pcp", new PitchClassProfileOptions()),
        ("bass", new PitchClassProfileOptions { MinHz = 27.5, MaxHz = 262 }),
        ("upper", new PitchClassProfileOptions { MinHz = 262, MaxHz = 3500 }),
    ];

    public static void Write(IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> items, string path)
    {
        var stft = new Stft(2048, 512);
        var magnitude = new float[stft.BinCount];
        var power = new float[stft.BinCount];
        var profiles = Variants.Select(v => new PitchClassProfile(22050, 2048, v.Options)).ToArray();
        using var writer = new StreamWriter(path);
        var columns = Variants.Select(v => v.Name).Append("chroma").SelectMany(n => Enumerable.Range(0, 12).Select(i => $"{n}{i}"));
        writer.WriteLine("id,collection,key,tuning,frames," + string.Join(",", columns));
        foreach (var (recording, f) in items)
        {
            if (!KeyNames.TryParse(recording.Key, out _, out _)) continue;
            foreach (var p in profiles) p.Reset(f.Tuning);
            var frames = stft.FrameCount(f.Samples.Length);
            for (var t = 0; t < frames; t++)
            {
                stft.Magnitude(f.Samples, t, magnitude);
                for (var k = 0; k < magnitude.Length; k++) power[k] = magnitude[k] * magnitude[k];
                foreach (var p in profiles) p.AddFrame(power);
            }
            var chroma = new double[12];
            for (var pc = 0; pc < 12; pc++)
                for (var t = 0; t < f.Frames; t++)
                    chroma[pc] += f.Chroma[pc * f.Frames + t];
            var values = profiles.SelectMany(p => p.Profile.ToArray()).Concat(chroma)
                .Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteLine(string.Join(",", recording.Id, recording.Collection, recording.Key,
                f.Tuning.ToString("R", CultureInfo.InvariantCulture), f.Frames.ToString(CultureInfo.InvariantCulture), string.Join(",", values)));
        }
    }
}
