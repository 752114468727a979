using System.CommandLine;
using System.Text.Json;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Cli.Commands;

/// <summary>
/// <c>genre features &lt;file&gt; [--json] [--summary-only]</c>: every librosa-parity feature of a
/// track (decoded to mono 22,050 Hz). With <c>--json</c> the output is one JSON object shaped like
/// the librosa reference files (<c>tempo_bpm</c>, <c>beat_frames</c>, <c>frames</c> as features x
/// frames, <c>summary</c>), plus the versioned summary vector the model uses, and the product's own
/// <c>tempo</c> (<see cref="TempoEstimator"/> on the <see cref="TempoEnvelopes"/> of the mel
/// spectrogram) and <c>key</c> (<see cref="KeyDetector"/> on the features' pitch-class profile),
/// as the analysis pipeline computes them (<see cref="TempoKeyReader.TempoAndKey"/>).
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("file") { Description = "Audio file (MP3, WAV; FLAC/Ogg/Opus/M4A need ffmpeg)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object shaped like the librosa reference files." };
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Leave the per-frame arrays out of the JSON." };
        var command = new Command("features", "Compute librosa-parity audio features of a track.") { input, json, summaryOnly };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"genre features: {file.FullName} not found");
                return 2;
            }
            try
            {
                return Run(file, parse.GetValue(json), parse.GetValue(summaryOnly));
            }
            catch (AudioDecodingException e)
            {
                Console.Error.WriteLine($"genre features: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(FileInfo file, bool json, bool summaryOnly)
    {
        MonoAudio audio;
        using (var stream = file.OpenRead())
            audio = AudioLoader.LoadMono(stream, FeatureExtractor.SampleRate);
        var features = new FeatureExtractor().Extract(audio.Samples);
        var (tempo, key) = new TempoKeyReader().TempoAndKey(features);
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            WriteJson(stdout, file.Name, audio, features, tempo, key, includeFrames: !summaryOnly);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            WriteText(file.Name, audio, features, tempo, key);
        }
        return 0;
    }

    private static void WriteText(string name, MonoAudio audio, AudioFeatures features, TempoReading tempo, KeyReading key)
    {
        Console.WriteLine($"{name}: {audio.Info.Format} {audio.Info.SampleRate} Hz {audio.Info.Channels} ch, {features.Duration.TotalSeconds:F2} s, {features.FrameCount} frames");
        Console.WriteLine($"  tempo          {tempo.Bpm:F2} BPM (confidence {tempo.Confidence:F2}{(tempo.Alternative is { } alt ? $", or {alt:F2}" : "")})");
        Console.WriteLine($"  key            {(key.Tonic >= 0 ? $"{key.Name} ({key.Camelot}), confidence {key.Confidence:F2}" : "none")}");
        Console.WriteLine($"  librosa tempo  {features.TempoBpm:F2} BPM, {features.BeatFrames.Length} beats");
        Console.WriteLine($"  tuning         {features.Tuning:+0.00;-0.00} semitone");
        var vector = FeatureSummary.Compute(features);
        var names = FeatureSummary.Names;
        foreach (var statistic in new[] { "spectral_centroid.mean", "spectral_rolloff.mean", "zero_crossing_rate.mean", "rms.mean", "onset_strength.mean" })
            Console.WriteLine($"  {statistic,-24} {vector[IndexOf(names, statistic)]:G6}");
    }

    private static int IndexOf(IReadOnlyList<string> names, string key)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == key) return i;
        return -1;
    }

    internal static void WriteJson(Stream output, string name, MonoAudio audio, AudioFeatures features,
        TempoReading tempo, KeyReading key, bool includeFrames)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("file", name);
        writer.WriteStartObject("audio");
        writer.WriteStartObject("native");
        writer.WriteString("format", audio.Info.Format);
        writer.WriteNumber("sr", audio.Info.SampleRate);
        writer.WriteNumber("channels", audio.Info.Channels);
        writer.WriteEndObject();
        writer.WriteNumber("sr", features.SampleRate);
        writer.WriteNumber("n_samples", features.SampleCount);
        writer.WriteNumber("duration_s", features.Duration.TotalSeconds);
        writer.WriteNumber("n_frames", features.FrameCount);
        writer.WriteEndObject();
        writer.WriteNumber("tempo_bpm", features.TempoBpm);
        writer.WriteStartArray("beat_frames");
        foreach (var beat in features.BeatFrames) writer.WriteNumberValue(beat);
        writer.WriteEndArray();
        writer.WriteNumber("chroma_estimated_tuning", features.Tuning);
        writer.WriteStartObject("tempo");
        writer.WriteNumber("bpm", tempo.Bpm);
        writer.WriteNumber("confidence", tempo.Confidence);
        if (tempo.Alternative is { } alternative) writer.WriteNumber("alternative", alternative);
        else writer.WriteNull("alternative");
        writer.WriteEndObject();
        writer.WriteStartObject("key");
        if (key.Tonic >= 0)
        {
            writer.WriteString("name", key.Name);
            writer.WriteString("camelot", key.Camelot);
        }
        else
        {
            writer.WriteNull("name");
            writer.WriteNull("camelot");
        }
        writer.WriteNumber("confidence", key.Confidence);
        writer.WriteEndObject();

        if (includeFrames)
        {
            writer.WriteStartObject("frames");
            foreach (var (featureName, matrix) in features.Named())
            {
                writer.WriteStartArray(featureName);
                for (var r = 0; r < matrix.Rows; r++)
                {
                    writer.WriteStartArray();
                    foreach (var v in matrix.Row(r)) writer.WriteNumberValue(v);
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        writer.WriteStartObject("summary");
        foreach (var (featureName, matrix) in features.Named())
        {
            var perRow = new FeatureStatistics(matrix.Rows);
            perRow.Add(matrix);
            var all = new FeatureStatistics(1);
            all.Add(new FeatureMatrix(1, matrix.Data.Length, matrix.Data));
            writer.WriteStartObject(featureName);
            writer.WriteStartArray("shape");
            writer.WriteNumberValue(matrix.Rows);
            writer.WriteNumberValue(matrix.Columns);
            writer.WriteEndArray();
            writer.WriteStartArray("mean");
            for (var r = 0; r < matrix.Rows; r++) writer.WriteNumberValue(perRow.Mean(r));
            writer.WriteEndArray();
            writer.WriteStartArray("std");
            for (var r = 0; r < matrix.Rows; r++) writer.WriteNumberValue(perRow.StandardDeviation(r));
            writer.WriteEndArray();
            writer.WriteNumber("mean_all", all.Mean(0));
            writer.WriteNumber("std_all", all.StandardDeviation(0));
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteStartObject("summary_vector");
        writer.WriteNumber("version", FeatureSummary.Version);
        var vector = FeatureSummary.Compute(features);
        writer.WriteStartArray("names");
        foreach (var n in FeatureSummary.Names) writer.WriteStringValue(n);
        writer.WriteEndArray();
        writer.WriteStartArray("values");
        foreach (var v in vector) writer.WriteNumberValue(v);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
