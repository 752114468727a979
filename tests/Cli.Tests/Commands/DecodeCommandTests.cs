using GenreOrleans.Cli.Tests.Support;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Cli.Tests.Commands;

public sealed class DecodeCommandTests
{
    [Fact]
    public async Task Decode_writes_one_float_per_sample_of_a_mono_wav()
    {
        using var folder = new TemporaryDirectory("genre-cli-tests");
        var directory = folder.Path;
        var wav = TestAudio.WriteBeatWav(directory, "beat.wav", seconds: 1.0);
        var output = Path.Combine(directory, "beat.f32");

        var outcome = await GenreProcess.RunAsync("decode", wav, "--out", output);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(22050 * sizeof(float), new FileInfo(output).Length);
    }

    [Fact]
    public async Task Decode_refuses_a_text_file_with_a_message_and_an_error_code()
    {
        using var folder = new TemporaryDirectory("genre-cli-tests");
        var directory = folder.Path;
        var text = Path.Combine(directory, "notes.mp3");
        await File.WriteAllTextAsync(text, "<html><body>not audio</body></html>");

        var outcome = await GenreProcess.RunAsync("decode", text, "--out", Path.Combine(directory, "x.f32"));

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(outcome.StandardError));
    }
}
