using System.Text.Json;
using GenreOrleans.Cli.Tests.Support;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public async Task Analyze_json_prints_one_object_per_file_with_every_genre_sorted_most_likely_first()
    {
        using var folder = new TemporaryDirectory("genre-cli-tests");
        var directory = folder.Path;
        TestAudio.WriteBeatWav(directory, "a.wav", seconds: 8.0);
        TestAudio.WriteBeatWav(directory, "b.wav", seconds: 5.0);

        var outcome = await GenreProcess.RunAsync("analyze", directory, "--json");

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.EndsWith(".wav", json.RootElement.GetProperty("file").GetString());
            var genres = json.RootElement.GetProperty("result").GetProperty("genres").EnumerateArray()
                .Select(g => g.GetProperty("probability").GetDouble()).ToList();
            Assert.Equal(179, genres.Count);
            Assert.Equal(genres.OrderByDescending(p => p), genres);
            Assert.InRange(genres.Sum(), 0.99, 1.01);
        }
    }

    [Fact]
    public async Task Analyze_reports_a_file_that_is_not_audio_as_failed_with_the_reason()
    {
        using var folder = new TemporaryDirectory("genre-cli-tests");
        var directory = folder.Path;
        var text = Path.Combine(directory, "page.mp3");
        await File.WriteAllTextAsync(text, "<html><body>not audio</body></html>");

        var outcome = await GenreProcess.RunAsync("analyze", text, "--json");

        Assert.Equal(1, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.StandardOutput.Trim());
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Analyze_with_a_folder_that_holds_no_model_says_so_once_and_exits_with_2()
    {
        using var folder = new TemporaryDirectory("genre-cli-tests");
        TestAudio.WriteBeatWav(folder.Path, "a.wav", seconds: 2.0);
        var noModel = Directory.CreateDirectory(Path.Combine(folder.Path, "no-model")).FullName;

        var outcome = await GenreProcess.RunAsync("analyze", Path.Combine(folder.Path, "a.wav"), "--json", "--model", noModel);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.StandardOutput);
        Assert.Contains("model.json is missing", outcome.StandardError);
    }
}
