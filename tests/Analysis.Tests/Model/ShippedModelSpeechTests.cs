using System.Diagnostics;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Analysis.Tests.Model;

/// <summary>
/// Speech is the plainest "not electronic music at all": the shipped model must not give it a
/// confident genre. The recordings are synthesised by ffmpeg's flite source (Debian's ffmpeg has
/// it); the test skips where ffmpeg or flite is missing.
/// </summary>
public sealed class ShippedModelSpeechTests
{
    private const string Text =
        "Good evening. Tonight we look at the weather across the country. Rain is expected in the north, " +
        "with strong winds along the coast, while the south stays dry and mild. Temperatures will fall overnight.";

    [SkippableTheory]
    [InlineData("kal")]
    [InlineData("awb")]
    [InlineData("slt")]
    public async Task The_shipped_model_calls_synthetic_speech_unfamiliar_and_low_confidence(string voice)
    {
        var ffmpeg = TestPaths.RequireTool("ffmpeg");
        Skip.IfNot(Run(ffmpeg, "-hide_banner -filters").Contains(" flite "), "this ffmpeg has no flite speech synthesiser");
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var wav = folder.File($"speech-{voice}.wav");
        Run(ffmpeg, $"-v error -y -f lavfi -i \"flite=text='{Text}':voice={voice}\" -ar 22050 {wav}");

        using var session = InferenceSession.Load(ModelLocator.FindDefault());
        await using var stream = File.OpenRead(wav);
        var result = await new TrackAnalyzer(session.Manifest!, new TempoKeyReader()).AnalyzeAsync(stream, session, null, CancellationToken.None);

        Assert.True(result.UnfamiliarSound, $"speech ({voice}) read as familiar: {result.Genres[0].Slug}");
        Assert.True(result.LowConfidence);
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: {error}");
        return output.Result;
    }
}
